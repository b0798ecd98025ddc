# Oracle for hetfirm's one-way within estimator: R plm.
#
#   plm(y ~ x1 + x2, data, index = c("unit", "year"), model = "within", effect = "individual")
#   default SEs:    vcov(model)  (sigma^2 = RSS / (n - units - k), singleton units counted as units)
#   clustered SEs:  vcovHC(model, type = "HC1", cluster = "group")  (method "arellano", plm's default)
#
# on Tests/Fixtures/pyfixest/data/{balanced,unbalanced}.csv, written to Tests/Fixtures/plm/NAME.json.
# Doubles are written with sprintf("%.17g") (jsonlite alone stops at 15 digits) so they round-trip.
#
# Run from the repository root: Rscript validation/plm_within.R
suppressPackageStartupMessages({
  library(plm)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
repo <- normalizePath(file.path(dirname(script), ".."))

sha256 <- function(path) {
  strsplit(system2("sha256sum", shQuote(path), stdout = TRUE), " ")[[1]][1]
}

# jsonlite caps numbers at 15 significant digits; write them verbatim with 17 (exact round trip)
num <- function(x) structure(sprintf("%.17g", x), class = "json")
vec <- function(x) structure(paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]"), class = "json")

named <- function(values, names) {
  out <- lapply(unname(values), num)
  names(out) <- names
  out
}

for (name in c("balanced", "unbalanced")) {
  relative <- file.path("Tests", "Fixtures", "pyfixest", "data", paste0(name, ".csv"))
  path <- file.path(repo, relative)
  data <- read.csv(path)
  model <- plm(y ~ x1 + x2, data = data, index = c("unit", "year"),
               model = "within", effect = "individual")
  coefs <- coef(model)
  nm <- names(coefs)
  V <- vcov(model)
  Vc <- vcovHC(model, type = "HC1", cluster = "group")
  rss <- sum(residuals(model)^2)
  fixture <- list(
    provenance = list(
      package = "plm",
      version = as.character(packageVersion("plm")),
      r = R.version.string,
      sandwich = as.character(packageVersion("sandwich")),
      script = "validation/plm_within.R",
      data_sha256 = sha256(path)
    ),
    csv = relative,
    data_sha256_of = "bytes of the csv file",
    call = 'plm(y ~ x1 + x2, data, index = c("unit","year"), model = "within", effect = "individual")',
    coefficient_names = nm,
    coefficients = named(coefs, nm),
    standard_errors = named(sqrt(diag(V)), nm),
    vcov_matrix = vec(as.numeric(t(V))),
    clustered = list(
      call = 'vcovHC(model, type = "HC1", cluster = "group")',
      standard_errors = named(sqrt(diag(Vc)), nm),
      vcov_matrix = vec(as.numeric(t(Vc)))
    ),
    nobs = nobs(model),
    n_units = length(unique(data$unit)),
    df_resid = df.residual(model),
    rss = num(rss),
    r2 = num(unname(summary(model)$r.squared["rsq"])),
    adj_r2 = num(unname(summary(model)$r.squared["adjrsq"]))
  )
  dir.create(file.path(repo, "Tests", "Fixtures", "plm"), showWarnings = FALSE, recursive = TRUE)
  out <- file.path(repo, "Tests", "Fixtures", "plm", paste0(name, ".json"))
  writeLines(toJSON(fixture, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE), out)
  cat("wrote", file.path("Tests", "Fixtures", "plm", paste0(name, ".json")), "\n")
}
