"""The web surface: `communique serve` runs app.py's FastAPI app under uvicorn.

app.py     the app factory, error shape, limits, security headers
deps.py    what api and pages share (config, errors, connections, search); never imports app
models.py  the response shapes (pydantic) the OpenAPI description documents
api.py     /api/... JSON endpoints (paged), POST /api/ingest behind a token
pages.py   server-rendered pages and their .json twins (templates/, static/)
charts.py  inline SVG charts drawn on the server
"""
