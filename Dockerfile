# The image of each of the four services, built from the repository root; SERVICE names the module
# and PORT its server.port (docker-compose.yml passes both):
#   docker build --build-arg SERVICE=ingest --build-arg PORT=8082 -t amu-catalogue-ingest .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# declared after the copy, so the four builds share the layers above
ARG SERVICE
RUN test -n "$SERVICE" && test -f "services/$SERVICE/pom.xml" \
    || { echo "build with --build-arg SERVICE=ingest|projections|notifier|audit (got '$SERVICE')" >&2; exit 1; }
RUN --mount=type=cache,target=/root/.m2 mvn -q -B -pl "services/$SERVICE" -am package -DskipTests
# layered: dependencies change rarely, the application often, so a rebuild ships only the last layer
RUN java -Djarmode=tools -jar "services/$SERVICE/target/$SERVICE-exec.jar" extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app catalogue
ARG SERVICE
ARG PORT
RUN test -n "$PORT" || { echo "build with --build-arg PORT=<the server.port of services/$SERVICE>" >&2; exit 1; }
LABEL org.opencontainers.image.title="amu-catalogue-$SERVICE"
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
# the port the service listens on and the healthcheck asks, one value: '-e SERVER_PORT=...' moves both
ENV SERVER_PORT=$PORT
EXPOSE $PORT
HEALTHCHECK --interval=10s --timeout=5s --retries=12 \
    CMD curl -fsS "http://localhost:$SERVER_PORT/actuator/health/readiness" > /dev/null || exit 1
# the service; arguments run its command line instead (docker compose run --rm audit verify)
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
