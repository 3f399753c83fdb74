# The self-hosted 民情通 server (政务云): one Node 20 process serving the weapp's HTTPS API
# (POST /api/<action>, POST /auth/wechat-login, uploads), on MySQL 8 / MariaDB 10.11.
# Build:  docker build -t minqing-server .
# Run:    see docker-compose.yml and DEPLOY.md (TLS is the reverse proxy's job).

# --- build: install with the lockfile, bundle the server into dist-server/ (no node_modules needed at run time)
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
# No install scripts: the bundle needs neither better-sqlite3's native build nor Taro's binding.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN node scripts/build-server.mjs

# --- run: the bundle only, as an unprivileged user
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    MINQING_DATA_DIR=/var/lib/minqing
WORKDIR /app
COPY --from=build /src/dist-server ./
# The Mongolian font the app loads from /fonts/ (src/server/http/fonts.ts looks in ./assets/fonts).
COPY assets ./assets
RUN mkdir -p /var/lib/minqing && chown node:node /var/lib/minqing
USER node
VOLUME ["/var/lib/minqing"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `docker compose exec app node doctor.js` checks the configuration (npm run doctor).
CMD ["node", "main.js"]
