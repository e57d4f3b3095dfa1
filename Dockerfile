# syntax=docker/dockerfile:1
# Klasteris: one image serving the API and the built web app (used by docker-compose.yml).
#   docker build -t klasteris .
#   docker run -p 3000:3000 -e MONGODB_URI=... -e JWT_SECRET=... klasteris

# --- Stage 1: install everything and build web (dist/apps/web) and api (dist/apps/api/main.js).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY . .
RUN npm ci
RUN npm run build
# The workspace manifests the runtime `npm ci` needs, without the sources around them.
RUN mkdir /manifests \
 && cp package.json package-lock.json .npmrc /manifests/ \
 && node -e "const ws = require('./package.json').workspaces; console.log(ws.join('\n'))" | while read -r ws; do \
      if [ -f "$ws/package.json" ]; then mkdir -p "/manifests/$ws" && cp "$ws/package.json" "/manifests/$ws/"; fi; \
    done

# --- Stage 2: production dependencies and the build output only, run as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY --from=build /manifests/ ./
# argon2 ships prebuilt binaries for linux-x64/arm64 glibc, so no compiler is needed here.
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://localhost:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/api/main.js"]
