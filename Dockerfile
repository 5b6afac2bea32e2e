# The pipeline's image for Kubernetes (deploy/k8s/) or any container host: the environment installed from the
# hash-pinned lock, exactly as ./run does, then this project.
#   docker build -t news-pipelines .
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DAGSTER_HOME=/opt/dagster/home

WORKDIR /opt/pipelines

# The lock first: its layer is rebuilt only when the lock changes.
COPY requirements.lock ./
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --no-deps --require-hashes -r requirements.lock
ENV PATH=/opt/venv/bin:$PATH

COPY pyproject.toml README.md LICENSE CITATION.cff dagster.yaml ./
COPY pipelines ./pipelines
COPY schemas ./schemas
COPY warehouse/*.sql ./warehouse/
COPY seeds ./seeds
COPY deploy ./deploy
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e . \
    && mkdir -p "$DAGSTER_HOME" \
    && cp deploy/k8s/dagster.yaml "$DAGSTER_HOME/dagster.yaml" \
    && useradd --create-home --uid 10001 pipelines \
    && chown -R pipelines "$DAGSTER_HOME"

USER pipelines
# A build from the command line; Kubernetes runs the image with dagster's own entry points instead
# (the run launcher and the k8s executor start `dagster api execute_run` / `execute_step`).
CMD ["python", "-m", "pipelines", "build"]
