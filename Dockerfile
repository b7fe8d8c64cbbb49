# syntax=docker/dockerfile:1
#
# roleform container image: built from source with the Maven wrapper, run on a JRE 17, as a
# non-root user.
#   docker build -t roleform .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" \
#     -e ROLEFORM_PORTAL_URL -e ROLEFORM_TOKEN roleform plan config/
# The token goes in through the environment (or --token-file on a mounted file), never as an
# argument. JVM options: -e JAVA_TOOL_OPTIONS=-Xmx1g (then no big-config options, see ENTRYPOINT). Jib builds an equivalent image without a
# Dockerfile or a daemon: see the jib-offline profile in pom.xml.
#
# .git is deliberately part of the build context: the build records the commit it was made from
# for `roleform --version` (without it the version line says "commit unknown").

# The bases are build arguments (defaults: Eclipse Temurin's images); the container tests
# (.ci/container-test.sh) build on local Debian bases instead, as no registry is reachable there:
#   docker build --build-arg BUILD_BASE=... --build-arg RUNTIME_BASE=... -t roleform .
# A runtime base needs java on the PATH, groupadd and useradd.
ARG BUILD_BASE=eclipse-temurin:17-jdk
ARG RUNTIME_BASE=eclipse-temurin:17-jre

FROM ${BUILD_BASE} AS build
WORKDIR /src
# The wrapper and the pom first, so the dependency download is a layer cached until pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q dependency:resolve dependency:resolve-plugins
COPY . .
# Tests run in CI (./mvnw -B verify), not in the image build. The class-data sharing archive is
# made in the runtime stage below (it must match the runtime JVM and the jar's path there).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Djib.skip -Droleform.cds.skip=true package \
    && cp target/roleform.jar /roleform.jar

FROM ${RUNTIME_BASE}
LABEL org.opencontainers.image.title="roleform" \
      org.opencontainers.image.description="Roles, permissions, role order and memberships of an admin portal as code."
# A fixed uid/gid (the same as the Jib image), so file ownership on mounted volumes is predictable.
RUN groupadd --system --gid 10001 roleform \
    && useradd --system --uid 10001 --gid 10001 --home-dir /work --no-create-home \
       --shell /usr/sbin/nologin roleform \
    && mkdir -p /work /opt/roleform \
    && chown 10001:10001 /work \
    && printf '#!/bin/sh\nexec java ${ROLEFORM_JAVA_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m} -XX:SharedArchiveFile=/opt/roleform/roleform.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -Droleform.configHeap=true -jar /opt/roleform/roleform.jar "$@"\n' \
       > /usr/local/bin/roleform \
    && chmod 0755 /usr/local/bin/roleform
COPY --from=build /roleform.jar /opt/roleform/roleform.jar
# The class-data sharing archive, made here with the image's own JVM and at the jar's path in the
# image (an archive only works for the JVM build and the jar path it was made with): a training run
# of the usual commands against the in-process sandbox (cli.CdsTraining, in a temporary directory).
# The entrypoint and /usr/local/bin/roleform use it; without it (or if it does not match) the JVM
# starts without it and prints nothing.
RUN java -cp /opt/roleform/roleform.jar io.roleform.cli.CdsTraining /opt/roleform/roleform.jsa
ENV NO_COLOR=1
WORKDIR /work
USER 10001:10001
# `docker run IMAGE plan config/` runs `roleform plan config/`. CI systems that need a shell in the
# image (GitLab's `image:` with `entrypoint: [""]`) can call the same program as `roleform`.
# -Droleform.configHeap=true: a config of 32 MiB or more gets the options ./roleform gives it (an
# initial heap of 16 bytes per byte of config, at most 2 GiB, and the parallel collector;
# cli.EntrypointHeap re-runs the command in a child JVM with them added after these, the archive
# unchanged); smaller configs, --version and help run as they are. Setting JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS or ROLEFORM_JAVA_OPTS turns it off.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", "-XX:SharedArchiveFile=/opt/roleform/roleform.jsa", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Droleform.configHeap=true", "-jar", "/opt/roleform/roleform.jar"]
CMD ["--help"]
