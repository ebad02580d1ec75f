# Build: a static binary with the front end and migrations embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/legaldesk ./cmd/legaldesk \
 && mkdir -p /out/data/uploads

# Run: no shell, no root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/legaldesk /legaldesk
# The data directory (uploads live here) belongs to the nonroot user; mount a
# volume on it so attachments survive a new container.
COPY --from=build --chown=65532:65532 /out/data /var/lib/legaldesk
COPY configs/production.example.yaml /etc/legaldesk/legaldesk.yaml
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/legaldesk", "serve", "-config", "/etc/legaldesk/legaldesk.yaml"]
