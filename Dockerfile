# dyadwatch worker image: `dyadwatch <command>`; the default command runs a Faust worker.
#   docker build -t dyadwatch .
#   docker run --rm dyadwatch settings          # any other subcommand works the same way
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DYADWATCH_WEB_HOST=0.0.0.0 \
    DYADWATCH_WEB_PORT=6066 \
    DYADWATCH_DATA_DIR=/data

# Non-root user; /data (the table store) is created and owned here so that a volume
# mounted on it (compose gives each worker replica its own) starts out writable by that user.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin dyadwatch \
    && mkdir -p /data \
    && chown dyadwatch:dyadwatch /data

# Dependencies first, in their own layer: read from pyproject.toml alone, so that a change to
# the source reuses this layer and only a change to pyproject.toml reinstalls them
# (dependencies are binary wheels: no compiler).
WORKDIR /src
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the project itself, without resolving dependencies again.
# .dockerignore keeps .venv, .git, caches and test artifacts out of the build context.
COPY . .
RUN pip install --no-deps . \
    && rm -rf build ./*.egg-info

USER dyadwatch
WORKDIR /home/dyadwatch
EXPOSE 6066

# python:3.11-slim has no curl: ask /health with the standard library.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('DYADWATCH_WEB_PORT', '6066'), timeout=4)"]

ENTRYPOINT ["dyadwatch"]
CMD ["worker"]
