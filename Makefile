# blueprint: klantreizen → service blueprints → Programma van Eisen.
# `make demo` runs the tool on examples/ into out/ (the site in out/site/); `make test` is what CI runs.

GO      ?= go
BIN     := bin/blueprint
EXAMPLES := examples
OUT     := out

.PHONY: all build test demo fmt-check vet unit golden golden-check bench fuzz man check-office clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/blueprint

# The one test command (README, CI): formatting, vet, all tests with the
# race detector, and the check that golden files are current.
test: fmt-check vet unit golden-check

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race ./...

# Rewrite every golden file (test names contain "Golden") from the code.
golden:
	UPDATE_GOLDEN=1 $(GO) test -count=1 -run 'Golden' ./...

# Fail when the golden files or generated docs are not what the code makes.
golden-check: golden
	@if [ -n "$$(git status --porcelain -- '*testdata*' 'docs/*.schema.json' 2>/dev/null)" ]; then \
		echo "golden files are stale; run 'make golden' and commit:"; \
		git status --porcelain -- '*testdata*' 'docs/*.schema.json'; exit 1; fi

demo: build
	@mkdir -p $(OUT)
	./$(BIN) validate $(EXAMPLES)
	./$(BIN) summary $(EXAMPLES)
	./$(BIN) render --format svg,png --out $(OUT) $(EXAMPLES)
	./$(BIN) matrix --tender-id KCC-DEMO --out $(OUT)/pve.xlsx $(EXAMPLES)
	./$(BIN) verbeterplan --out $(OUT)/verbeterplan.md $(EXAMPLES)
	./$(BIN) verbeterplan --out $(OUT)/verbeterplan.xlsx $(EXAMPLES)
	./$(BIN) visie --out $(OUT)/visie.md $(EXAMPLES)
	@# Two generated example responses (not real tenders; their names and every
	@# explanation say so), then the comparison and the beoordelingsverslag.
	$(GO) run ./requirements/xlsx/internal/fillexample -n 2 $(OUT)/pve.xlsx $(OUT)
	./$(BIN) compare --pve $(OUT)/pve.xlsx --out $(OUT)/vergelijking.xlsx $(OUT)/voorbeeld-inschrijving-a.xlsx $(OUT)/voorbeeld-inschrijving-b.xlsx
	./$(BIN) gemma --out $(OUT)/gemma-dekking.md $(EXAMPLES)
	./$(BIN) gemma --out $(OUT)/gemma-dekking.xlsx $(EXAMPLES)
	./$(BIN) archimate --out $(OUT)/klantreizen-archimate.xml $(EXAMPLES)
	./$(BIN) site --out $(OUT)/site $(EXAMPLES)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Every fuzz target in turn, FUZZTIME each. Minimising a new input is
# capped by count, so a large seed (the built-in catalogue, a workbook)
# cannot stall the run. New inputs land in the Go cache; copy the ones that
# matter to the package's testdata/fuzz/<Target>/ to keep them.
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$target ($$pkg)"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 50x $$pkg; \
		done; \
	done

# The manual page, made from the same text as --help.
man: build
	@mkdir -p $(OUT)
	./$(BIN) man > $(OUT)/blueprint.1
	@echo "read it with: man ./$(OUT)/blueprint.1"

# Optional: convert the workbook to PDF with LibreOffice to look at it.
check-office: build
	@command -v libreoffice >/dev/null || { echo "check-office needs LibreOffice and poppler: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito"; exit 1; }
	@mkdir -p $(OUT)/office
	./$(BIN) matrix --force --tender-id KCC-DEMO --out $(OUT)/office/pve.xlsx $(EXAMPLES)
	cd $(OUT)/office && rm -f pve.pdf page-*.png && libreoffice --headless --convert-to pdf pve.xlsx >/dev/null
	cd $(OUT)/office && pdfinfo pve.pdf | grep Pages && pdftoppm -png -r 60 pve.pdf page
	./$(BIN) verbeterplan --force --out $(OUT)/office/verbeterplan.xlsx $(EXAMPLES)
	cd $(OUT)/office && rm -f verbeterplan.pdf plan-*.png && libreoffice --headless --convert-to pdf verbeterplan.xlsx >/dev/null
	cd $(OUT)/office && pdfinfo verbeterplan.pdf | grep Pages && pdftoppm -png -r 60 verbeterplan.pdf plan
	@echo "look at $(OUT)/office/page-*.png and $(OUT)/office/plan-*.png"

clean:
	rm -rf bin $(OUT)
