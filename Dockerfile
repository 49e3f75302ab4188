# ivrc in a container: `docker build -t ivrc .`, then
#   docker run -p 8080:8080 -v /srv/ivrc:/var/lib/ivrc:ro -e TELNYX_PUBLIC_KEY=… ivrc
# with the bundle store `ivrc build flows -o /srv/ivrc/bundle --store` wrote. The image runs
# `ivrc serve` as an unprivileged user; the store is a read-only volume, built into from outside
# (the server reloads within a second; retained builds answer their calls after a restart). Checked by hadolint in the tests; no image is built there.

FROM swift:6.3 AS build
# libxml2 validates every TeXML document the compiler writes and the server fills.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a source change does not fetch them again.
COPY Package.swift Package.resolved ./
RUN swift package resolve
# SwiftPM reads every target's folder when it loads the package, tests included.
COPY Plugins Plugins
COPY Sources Sources
COPY Tests Tests
# Built as the benchmarks measured it (run-time exclusivity checks off; why in the script).
COPY scripts/build-release scripts/build-release
# The commit `ivrc --version` and the `serving` log line name (there is no .git here):
#   docker build --build-arg IVRC_BUILD_COMMIT="$(git describe --always --dirty --abbrev=12)" -t ivrc .
ARG IVRC_BUILD_COMMIT=unknown
RUN scripts/build-release --product ivrc --static-swift-stdlib \
    && install -D "$(scripts/build-release --show-bin-path)/ivrc" /out/ivrc

FROM swift:6.3-slim
# Versions are the base image's own (unpinned on purpose: the slim image is rebuilt with its
# security fixes); curl answers the HEALTHCHECK.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2 curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/ivrc --shell /usr/sbin/nologin ivrc
COPY --from=build /out/ivrc /usr/local/bin/ivrc
USER 10001
VOLUME ["/var/lib/ivrc"]
# 8080: the webhook (publish it behind TLS); 8081: /healthz, /readyz, /metrics (keep private).
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=2s --start-period=10s --retries=3 \
    CMD ["curl", "-fsS", "http://127.0.0.1:8081/healthz"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/ivrc"]
CMD ["serve", "/var/lib/ivrc/bundle", "--host", "0.0.0.0", "--port", "8080", "--ops-host", "0.0.0.0", "--ops-port", "8081", "--drain-delay", "3"]
