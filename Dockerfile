# Build: a static binary with the front end and migrations embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/legaldesk ./cmd/legaldesk

# Run: no shell, no root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/legaldesk /legaldesk
COPY configs/production.example.yaml /etc/legaldesk/legaldesk.yaml
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/legaldesk", "serve", "-config", "/etc/legaldesk/legaldesk.yaml"]
