"""`innoreg serve`: the API and the web pages in one server (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", help="Worker processes (one per core is usual).", min=1)
    ] = 1,
) -> None:
    """Serve the REST API (/v1, docs at /docs) and the web pages; settings from INNOREG_*."""
    import uvicorn  # the server only for this command

    from innoreg.cli.edge import user_errors
    from innoreg.service.logs import uvicorn_log_config
    from innoreg.service.settings import Settings

    with user_errors():
        Settings.from_env()  # a bad INNOREG_* value is one line and exit 2, before binding
    typer.echo(f"innoreg serving on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(
        "innoreg.service.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_config=uvicorn_log_config(),
        server_header=False,
    )
