# Images for docker-compose.yml (docs/deploy.md). One build serves every instance.
#   app    the Next.js standalone server (web instances): no jobs, no migrations
#   tools  the whole project: the one-shot migration service and the jobs worker
# Node 22 LTS (Node 20 reached its end of life in April 2026).
FROM node:22.20.0-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
# The deployment's id (e.g. the commit): Next tags asset URLs and navigations with it, so a
# browser holding pages of an older deployment reloads instead of mixing the two.
ARG APP_VERSION=local
ENV NEXT_DEPLOYMENT_ID=$APP_VERSION
COPY . .
# SHARED_CACHE=redis: the standalone server keeps the config it was built with, so the image
# always uses the shared cache (src/cache/nextCacheHandler.mjs) and needs REDIS_URL at run time.
ENV NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1 SHARED_CACHE=redis
RUN npm run build

FROM build AS tools
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN chown -R node:node /app
USER node
CMD ["node", "--no-deprecation", "--conditions=development", "--import=tsx", "--import=./scripts/lib/serverOnlyOutsideNext.mjs", "scripts/worker.ts"]

FROM node:22.20.0-bookworm-slim AS app
WORKDIR /app
# The V8 heap limit of the server (README, "Memory"; scripts/lib/serverMemory.ts).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 MEDIA_DIR=/app/media \
    NODE_OPTIONS=--max-old-space-size=512
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
RUN mkdir -p /app/media && chown node:node /app/media
USER node
EXPOSE 3000
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
