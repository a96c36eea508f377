"""The web: the HTTP API, its query logic, metrics, the live page and the API's HTTP client."""
