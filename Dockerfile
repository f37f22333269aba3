# The dashboard as one container: Next's standalone server (only the files it runs, no dev
# dependencies), as a non-root user, with a health check. Configure it with the same variables
# as `npm start` against a real upstream (README: "Configuration"); several instances share one
# PostgreSQL through DATABASE_URL (README: "Running several instances", compose.yaml).
#
#   docker build -t offer-status-dashboard .
#   (podman: podman build --format docker …, or the OCI format drops the HEALTHCHECK)
#   docker run -p 3000:3000 --env-file .env offer-status-dashboard

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM ${NODE_IMAGE} AS run
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: on SIGTERM (docker/podman stop) Next's own handler would exit at once
# (code 143), before the recorder's stop releases the watcher's lease and the embedded store's
# lock; the lock then holds pid 1, which is the next start's own pid, and the restart is refused.
# With it, the recorder's handler stops cleanly and exits 0.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
# The image's `node` user (uid 1000); /data holds the embedded store when DATABASE_URL is unset.
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /src/.next/standalone ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (no upstream call): a load balancer asks /api/health?ready=1 for readiness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
