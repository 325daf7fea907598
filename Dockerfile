# One image, two roles: `api` (HTTP API + built studio) and `worker` (Temporal worker).
# docker-compose.yml builds it twice with different targets.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY runtime/package.json runtime/
COPY api/package.json api/
COPY studio/package.json studio/
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx turbo run build --filter=@omnijourney/api --filter=@omnijourney/studio --filter=@omnijourney/runtime \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS base
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node

FROM base AS worker
CMD ["node", "scripts/serve.mjs", "worker"]

FROM base AS api
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "scripts/serve.mjs", "api"]
