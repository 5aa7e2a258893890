# newsmon image: the same fat jar as ./newsmon, on a JRE.
# Build: docker build -t newsmon .      Run: docker run --rm newsmon --help
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY core core
COPY broker broker
COPY test-support test-support
COPY topology topology
COPY producers producers
COPY app app
COPY benchmarks/pom.xml benchmarks/pom.xml
RUN mvn -B -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 newsmon && mkdir -p /data /inbox && chown newsmon /data /inbox
COPY --from=build /src/app/target/newsmon.jar /app/newsmon.jar
COPY samples /app/samples
USER newsmon
ENV NEWSMON_DATA_DIR=/data
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-Dnewsmon.install.dir=/app", "-jar", "/app/newsmon.jar"]
CMD ["--help"]
