FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PORT=8000 \
    DEBUG=0

WORKDIR /app
RUN useradd --create-home --uid 10001 observatory

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Collected at build time: whitenoise serves the compressed, hashed files.
RUN SECRET_KEY=build-only DEBUG=0 python manage.py collectstatic --noinput --verbosity 0

# Uploaded images: mount a volume here shared by every instance and serve MEDIA_URL (/media/) from the web
# server in front, or set MEDIA_S3_BUCKET for S3-compatible storage (docs/images.md); gunicorn never serves them.
ENV MEDIA_ROOT=/app/media
RUN mkdir -p /app/media && chown observatory /app/media

USER observatory
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz/', timeout=4)"
# gunicorn.conf.py: workers, the two-minute timeout, logs, no Server header.
CMD ["sh", "-c", "exec gunicorn observatory.wsgi:application --bind 0.0.0.0:${PORT} --config gunicorn.conf.py"]
