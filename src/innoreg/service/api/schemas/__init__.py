"""Pydantic models of the API's answers (for OpenAPI and response validation) and the JSON
Schema of a case, generated from the packs' inputs."""
