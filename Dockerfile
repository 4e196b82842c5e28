# The api and worker image (one image, two commands). Build: docker build -t lianzhang-server .
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api worker launcher --output-style=static \
 && npm prune --omit=dev --omit=optional --no-audit --no-fund

FROM node:20-bookworm-slim AS server
ENV NODE_ENV=production LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000 3001
# api: node dist/apps/api/main.js · worker: node dist/apps/worker/main.js · migrations: node dist/tools/launcher/main.js migrate
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
