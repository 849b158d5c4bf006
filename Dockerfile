# One image recipe for every service: `docker build --build-arg APP=residents --target service .`
# Images run on Node 22 LTS; development machines may run Node >= 20.19.
FROM node:22-bookworm-slim AS build
WORKDIR /repo
COPY . .
RUN npm ci --no-audit --no-fund
ARG APP=none
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN if [ "$APP" != "none" ]; then npx nx run "$APP:build" --outputStyle=static; fi

# Applies every schema's migrations with Prisma itself: the rows our runner writes are
# the ones `prisma migrate deploy` writes, so either may run against the same database.
FROM build AS migrate
CMD ["sh", "-c", "for config in libs/*/prisma.config.ts apps/*/prisma.config.ts; do [ -f \"$config\" ] || continue; npx prisma migrate deploy --config \"$config\" || exit 1; done"]

FROM build AS runtime-deps
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS service
ARG APP
ENV NODE_ENV=production APP=${APP}
WORKDIR /srv
COPY --from=runtime-deps /repo/node_modules ./node_modules
COPY --from=runtime-deps /repo/package.json ./package.json
COPY --from=build /repo/dist/apps/${APP} ./dist
COPY --from=build /repo/tools/runtime ./tools/runtime
COPY --from=build /repo/tsconfig.base.json ./tsconfig.base.json
USER node
CMD ["sh", "-c", "exec node --enable-source-maps -r ./tools/runtime/register-aliases.js dist/apps/$APP/src/main.js"]
