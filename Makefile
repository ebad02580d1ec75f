# legaldesk — run with `make run`, test with `make test`.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: run test build lint fuzz docker screenshots clean

run: ## start on the embedded default (SQLite, in-memory holds, demo data)
	$(GO) run ./cmd/legaldesk

test: ## provision MariaDB/Redis/Chromium and run every test with -race on both engines
	bash scripts/test.sh

build: ## a static binary in bin/
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/legaldesk ./cmd/legaldesk

lint: ## gofmt and go vet
	test -z "$$(gofmt -l .)"
	$(GO) vet ./...

fuzz: ## a short run of each fuzz target
	$(GO) test ./internal/pii -run '^$$' -fuzz FuzzIDNumber -fuzztime 30s
	$(GO) test ./internal/api -run '^$$' -fuzz FuzzBindJSON -fuzztime 30s

screenshots: ## the main pages at phone size (390 px, Chinese) into docs/screenshots, from the phone-tour browser test
	eval "$$(bash scripts/provision.sh)" && LEGALDESK_TOUR_SHOTS=$(CURDIR)/docs/screenshots \
		$(GO) test ./cmd/legaldesk -run '^TestBrowserPhoneTour$$' -count=1

docker: ## the image that docker-compose.yml runs
	docker build -t legaldesk:$(VERSION) .

clean:
	rm -rf bin .cache
