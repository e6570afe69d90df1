# Pincer container image.
#
#   docker build -t pincer .
#   docker run --rm -p 8080:8080 -p 127.0.0.1:9090:9090 \
#       -v "$PWD/my-config:/etc/pincer:ro" pincer      # a directory holding pincer.yaml
#
# The default config (examples/docker/pincer.yaml) listens on 0.0.0.0:8080, serves /metrics,
# /healthz and /readyz on 0.0.0.0:9090, and forwards everything to the host name "app" port 8080.
# The image also carries the sensor, /opt/pincer/pincer-sensor.jar, for COPY --from into app images.
# JVM flags come from JDK_JAVA_OPTIONS, so they can be replaced with -e JDK_JAVA_OPTIONS="...".
# See docs/deployment.md.

# --- build ---------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src

# Dependencies and plugins first, in their own layer, rebuilt only when a pom changes. This is a
# package run over the poms alone (the modules have no sources yet), which fetches everything the
# real build uses; dependency:go-offline does not work here, since it tries to resolve Netty's
# optional netty-tcnative with an unset ${os.detected.classifier}.
# Maven reads the whole reactor before -pl picks from it, so every module's pom is needed, the
# ones the image does not build included: the root pom's <modules>, and e2e's own. CI checks this
# list against the poms (.ci/check-dockerfile) and replays these steps without Docker.
# maven.antrun.skip: the sensor's antrun step copies compiled classes, and there are none yet.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY config/pom.xml config/
COPY signatures/pom.xml signatures/
COPY inspection/pom.xml inspection/
COPY correlator/pom.xml correlator/
COPY proxy/pom.xml proxy/
COPY sensor/pom.xml sensor/
COPY e2e/pom.xml e2e/
COPY e2e/demo-app/pom.xml e2e/demo-app/
COPY e2e/demo-tomcat10/pom.xml e2e/demo-tomcat10/
COPY e2e/demo-tomcat9/pom.xml e2e/demo-tomcat9/
COPY e2e/tests/pom.xml e2e/tests/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q -DskipTests -Dmaven.antrun.skip -pl proxy,sensor -am package \
    && find . -name target -type d -prune -exec rm -rf {} +

# The proxy with the modules it depends on, and the sensor; e2e/ and bench/ are not built.
COPY config/src config/src
COPY signatures/src signatures/src
COPY inspection/src inspection/src
COPY correlator/src correlator/src
COPY proxy/src proxy/src
COPY sensor/src sensor/src
RUN ./mvnw -B -q -DskipTests -pl proxy,sensor -am package \
    && test -f proxy/target/pincer.jar \
    && test -f sensor/target/pincer-sensor.jar

# --- runtime -------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

LABEL org.opencontainers.image.title="pincer" \
      org.opencontainers.image.description="Pincer: reverse-proxy WAF on Netty, with its in-app sensor"

RUN groupadd --system --gid 10001 pincer \
    && useradd --system --uid 10001 --gid pincer --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin pincer

COPY --from=build /src/proxy/target/pincer.jar /opt/pincer/pincer.jar
# The sensor (Java 8+), for application images: COPY --from=pincer /opt/pincer/pincer-sensor.jar
# and run the app with -javaagent:/opt/pincer/pincer-sensor.jar (docs/deployment.md).
COPY --from=build /src/sensor/target/pincer-sensor.jar /opt/pincer/pincer-sensor.jar
COPY examples/docker/pincer.yaml /etc/pincer/pincer.yaml

# Owned by root and read-only for the proxy: it reads its config, it never writes it.
RUN chmod 0644 /opt/pincer/pincer.jar /opt/pincer/pincer-sensor.jar /etc/pincer/pincer.yaml

USER 10001:10001
WORKDIR /opt/pincer

# 8080: client traffic. 9090: admin (/metrics, /healthz, /readyz); do not publish it publicly.
EXPOSE 8080 9090

# The runtime image has neither curl nor wget reliably, so the jar checks itself: the healthcheck
# subcommand exits 0 on HTTP 200 and 1 otherwise. A small, short-lived JVM: about half a second of
# CPU per check. If you move the admin listener, override this with the new address.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", \
         "-cp", "/opt/pincer/pincer.jar", "dev.pincer.proxy.cli.Main", \
         "healthcheck", "--url", "http://127.0.0.1:9090/healthz"]

# Heap at half the container's memory: Netty's direct (off-heap) buffers may use as much again
# by default, so heap plus buffers stays within the limit. ParallelGC: a proxy's heap is almost
# all short-lived garbage, and a throughput collector spends about 10% less CPU per request here
# than G1 (bench/README.md). Override with -e JDK_JAVA_OPTIONS=...
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseParallelGC"

# Exec form: java is PID 1 and receives SIGTERM (drain and stop) and SIGHUP (reload) directly.
ENTRYPOINT ["java", "-jar", "/opt/pincer/pincer.jar"]
CMD ["run", "--config", "/etc/pincer/pincer.yaml"]
