# syntax=docker/dockerfile:1
# The bot in one container: Telegram and Discord (whichever tokens are set), the health server on
# PORT, the bundled corpus baked in. `npm run docker:smoke` performs these same steps without Docker.

# ---- build: production dependencies, and the index snapshot of the baked-in corpus ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# tsx is a production dependency: the app runs its TypeScript directly, there is no compile step.
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
COPY corpus ./corpus
# Start the app once with no token and no input: it checks every article (a bad one fails the
# build, naming the file), builds the index, writes its snapshot to .cache/ and exits at the end
# of input. Containers then load the snapshot instead of rebuilding the index.
RUN PORT=0 LOG_LEVEL=error node --import tsx adapters/main.ts < /dev/null

# ---- runtime: slim Node 20, production dependencies only, not root ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    CORPUS_DIR=/app/corpus \
    SNAPSHOT_DIR=/app/.cache
WORKDIR /app
# The code belongs to root and is read-only for the app's user.
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/src ./src
COPY --from=build /app/adapters ./adapters
# The corpus is baked in; mount your own over it (or elsewhere and set CORPUS_DIR).
COPY --from=build /app/corpus ./corpus
# Writable: a mounted corpus gets its own snapshot here on first start.
COPY --from=build --chown=node:node /app/.cache ./.cache
# `node` (uid 1000) comes with the official image.
USER node
# 8080: health server (PORT). 8443: Telegram webhook server, in webhook mode only (TELEGRAM_WEBHOOK_PORT).
EXPOSE 8080 8443
# No curl in the slim image: Node's fetch asks /readyz (index loaded, every adapter connected).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 (not npm), so SIGTERM reaches the app's graceful stop. The V8 flag is
# adapters/node-flags.ts's, as in `npm start`.
CMD ["node", "--max-semi-space-size=32", "--import", "tsx", "adapters/main.ts"]
