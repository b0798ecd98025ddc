# Oracle for hetfirm's dynamic panel GMM (hetfirm gmm): R plm's pgmm, mtest, sargan, vcovHC, pwaldtest.
#
# Data: plm's data(EmplUK) (Arellano and Bond 1991: 140 UK firms, 1976-1984, unbalanced, 7-9 years
# each), written by this script to Tests/Fixtures/plm/data/empluk.csv with columns
#   firm, year, sector, emp, wage, capital, output            (plm's values, shortest round-trip decimals)
#   log_emp, log_wage, log_capital, log_output                (R's log() of them, shortest round-trip)
# and read back from that file, so the fixture's numbers are computed on exactly the bytes hetfirm reads.
#
# Cases (see docs/estimators/gmm-conventions.md for what pgmm computes):
#   ab_*    the Arellano-Bond (1991, table 4) employment equation
#           log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) + lag(log(output), 0:1)
#                      | lag(log(emp), 2:99)
#           difference ("d") and system ("ld"), one- and two-step, twoways and individual, collapse
#   small_* log(emp) ~ lag(log(emp), 1) + log(wage) | lag(log(emp), 2:4)   (truncated lag range, TL1 = 2)
#   bb_*    Blundell-Bond: every regressor GMM-instrumented (no standard instruments)
#   iv3_*   a third formula part with explicit standard instruments
#
# For every case: coefficients (and the first-step ones for two-step), vcov(model) (plm's non-robust),
# vcovHC(model) (robust one-step sandwich / Windmeijer-corrected two-step), mtest orders 1 and 2 with
# the robust vcov (what summary() prints) and with the default vcov, sargan with both weights,
# pwaldtest (coef and time dummies, robust vcov), the instrument count (ncol of W), the number of
# groups and the number of observations used (non-zero residuals, as summary() prints).
# Doubles are written with sprintf("%.17g") so they round-trip.
#
# Run from the repository root: Rscript validation/plm_gmm.R
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

num <- function(x) structure(sprintf("%.17g", x), class = "json")
vec <- function(x) structure(paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]"), class = "json")
named <- function(values, names) {
  out <- lapply(unname(values), num)
  names(out) <- names
  out
}

# shortest decimal that reads back as the same double (15, 16 or 17 significant digits)
shortest <- function(x) {
  out <- sprintf("%.15g", x)
  bad <- as.numeric(out) != x
  out[bad] <- sprintf("%.16g", x[bad])
  bad <- as.numeric(out) != x
  out[bad] <- sprintf("%.17g", x[bad])
  stopifnot(all(as.numeric(out) == x))
  out
}

# ---- data ------------------------------------------------------------------------------------------
data("EmplUK", package = "plm")
raw <- EmplUK
raw <- raw[order(raw$firm, raw$year), ]
out <- data.frame(firm = as.integer(raw$firm), year = as.integer(raw$year), sector = as.integer(raw$sector))
for (column in c("emp", "wage", "capital", "output")) out[[column]] <- shortest(as.numeric(raw[[column]]))
for (column in c("emp", "wage", "capital", "output")) {
  out[[paste0("log_", column)]] <- shortest(log(as.numeric(raw[[column]])))
}
relative_csv <- file.path("Tests", "Fixtures", "plm", "data", "empluk.csv")
csv_path <- file.path(repo, relative_csv)
dir.create(dirname(csv_path), showWarnings = FALSE, recursive = TRUE)
write.csv(out, csv_path, row.names = FALSE, quote = FALSE)
cat("wrote", relative_csv, "\n")

data <- read.csv(csv_path)
for (column in c("emp", "wage", "capital", "output")) {
  stopifnot(identical(data[[column]], as.numeric(raw[[column]])))
}

# ---- cases -----------------------------------------------------------------------------------------
ab_plm <- "log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) + lag(log(output), 0:1) | lag(log(emp), 2:99)"
ab_hetfirm <- "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) + l(log(output), 0:1) | l(log(emp), 2:99)"
small_plm <- "log(emp) ~ lag(log(emp), 1) + log(wage) | lag(log(emp), 2:4)"
small_hetfirm <- "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:4)"
bb_plm <- "log(emp) ~ lag(log(emp), 1) + lag(log(wage), 0:1) + lag(log(capital), 0:1) | lag(log(emp), 2:99) + lag(log(wage), 2:99) + lag(log(capital), 2:99)"
bb_hetfirm <- "log(emp) ~ l(log(emp), 1) + l(log(wage), 0:1) + l(log(capital), 0:1) | l(log(emp), 2:99) + l(log(wage), 2:99) + l(log(capital), 2:99)"
iv3_plm <- "log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) + lag(log(output), 0:1) | lag(log(emp), 2:99) | lag(log(wage), 0:1) + log(capital) + log(output)"
iv3_hetfirm <- "log(emp) ~ l(log(emp), 1:2) + l(log(wage), 0:1) + log(capital) + l(log(output), 0:1) | l(log(emp), 2:99) | l(log(wage), 0:1) + log(capital) + log(output)"

cases <- list(
  list(id = "ab_d_twoways_onestep", spec = "ab", transformation = "d", model = "onestep", effect = "twoways", collapse = FALSE),
  list(id = "ab_d_twoways_twosteps", spec = "ab", transformation = "d", model = "twosteps", effect = "twoways", collapse = FALSE),
  list(id = "ab_d_individual_onestep", spec = "ab", transformation = "d", model = "onestep", effect = "individual", collapse = FALSE),
  list(id = "ab_d_individual_twosteps", spec = "ab", transformation = "d", model = "twosteps", effect = "individual", collapse = FALSE),
  list(id = "ab_d_twoways_twosteps_collapse", spec = "ab", transformation = "d", model = "twosteps", effect = "twoways", collapse = TRUE),
  list(id = "ab_d_individual_onestep_collapse", spec = "ab", transformation = "d", model = "onestep", effect = "individual", collapse = TRUE),
  list(id = "ab_ld_twoways_onestep", spec = "ab", transformation = "ld", model = "onestep", effect = "twoways", collapse = FALSE),
  list(id = "ab_ld_twoways_twosteps", spec = "ab", transformation = "ld", model = "twosteps", effect = "twoways", collapse = FALSE),
  list(id = "ab_ld_individual_twosteps", spec = "ab", transformation = "ld", model = "twosteps", effect = "individual", collapse = FALSE),
  list(id = "ab_ld_twoways_twosteps_collapse", spec = "ab", transformation = "ld", model = "twosteps", effect = "twoways", collapse = TRUE),
  list(id = "small_d_twoways_twosteps", spec = "small", transformation = "d", model = "twosteps", effect = "twoways", collapse = FALSE),
  list(id = "small_d_individual_onestep_collapse", spec = "small", transformation = "d", model = "onestep", effect = "individual", collapse = TRUE),
  list(id = "small_ld_twoways_twosteps", spec = "small", transformation = "ld", model = "twosteps", effect = "twoways", collapse = FALSE),
  list(id = "small_ld_individual_onestep", spec = "small", transformation = "ld", model = "onestep", effect = "individual", collapse = FALSE),
  list(id = "bb_ld_twoways_twosteps", spec = "bb", transformation = "ld", model = "twosteps", effect = "twoways", collapse = FALSE),
  list(id = "bb_ld_twoways_twosteps_collapse", spec = "bb", transformation = "ld", model = "twosteps", effect = "twoways", collapse = TRUE),
  list(id = "iv3_d_twoways_twosteps", spec = "iv3", transformation = "d", model = "twosteps", effect = "twoways", collapse = FALSE)
)
formulas <- list(
  ab = c(ab_plm, ab_hetfirm), small = c(small_plm, small_hetfirm),
  bb = c(bb_plm, bb_hetfirm), iv3 = c(iv3_plm, iv3_hetfirm)
)

htest <- function(h) {
  out <- list(statistic = num(unname(h$statistic)), p_value = num(unname(h$p.value)))
  if (!is.null(h$parameter)) out$df <- unname(as.integer(h$parameter))
  out
}

results <- list()
for (case in cases) {
  plm_formula <- formulas[[case$spec]][1]
  call_text <- sprintf('pgmm(%s, data, index = c("firm", "year"), effect = "%s", model = "%s", transformation = "%s", collapse = %s)',
                       plm_formula, case$effect, case$model, case$transformation, if (case$collapse) "TRUE" else "FALSE")
  warnings_seen <- character(0)
  model <- withCallingHandlers(
    pgmm(as.formula(plm_formula), data = data, index = c("firm", "year"), effect = case$effect,
         model = case$model, transformation = case$transformation, collapse = case$collapse),
    warning = function(w) {
      warnings_seen <<- c(warnings_seen, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  b <- coef(model)
  nm <- names(b)
  V <- vcov(model)
  Vr <- vcovHC(model)
  s <- summary(model, robust = TRUE)
  m1_default <- mtest(model, order = 1)
  m2_default <- mtest(model, order = 2)
  m1_robust <- mtest(model, order = 1, vcov = Vr)
  m2_robust <- mtest(model, order = 2, vcov = Vr)
  sargan_two <- sargan(model, weights = "twosteps")
  sargan_one <- sargan(model, weights = "onestep")
  pdim_model <- attr(model, "pdim")
  entry <- list(
    id = case$id,
    formula = formulas[[case$spec]][2],
    plm_formula = plm_formula,
    call = call_text,
    transformation = case$transformation,
    transformation_name = if (case$transformation == "d") "difference" else "system",
    model = case$model,
    steps = if (case$model == "onestep") "one" else "two",
    effect = case$effect,
    collapse = case$collapse,
    plm_warnings = warnings_seen,
    coefficient_names = nm,
    coefficients = named(b, nm),
    first_step_coefficients = if (case$model == "twosteps") named(model$coefficients[[1L]], nm) else NULL,
    standard_errors_nonrobust = named(sqrt(diag(V)), nm),
    vcov_nonrobust = vec(as.numeric(t(V))),
    standard_errors_robust = named(sqrt(diag(Vr)), nm),
    vcov_robust = vec(as.numeric(t(Vr))),
    robust_kind = if (case$model == "onestep") "one-step sandwich (vcovHC.pgmm)" else "Windmeijer (2005) corrected two-step (vcovHC.pgmm)",
    summary_standard_errors = named(s$coefficients[, "Std. Error"], rownames(s$coefficients)),
    ar1 = htest(m1_robust),
    ar2 = htest(m2_robust),
    ar_vcov = "vcovHC(model) (as summary.pgmm prints)",
    ar1_default_vcov = htest(m1_default),
    ar2_default_vcov = htest(m2_default),
    sargan = htest(sargan_two),
    sargan_weights = "twosteps (A2, as summary.pgmm prints; Hansen J)",
    sargan_onestep_weights = htest(sargan_one),
    wald_coef = htest(s$wald.coef),
    wald_time = if (case$effect == "twoways") htest(s$wald.td) else NULL,
    n_instruments = ncol(model$W[[1L]]),
    n_groups = length(model$W),
    n_periods = unname(pdim_model$nT$T),
    n_rows_in_data = unname(pdim_model$nT$N),
    rows_per_group = nrow(model$W[[1L]]),
    nobs = nobs(model),
    time_dummy_names = model$args$namest
  )
  entry <- entry[!vapply(entry, is.null, logical(1))]
  results[[length(results) + 1L]] <- entry
  cat(sprintf("%-38s K=%2d L=%2d nobs=%d  b1=%.6f\n", case$id, length(b), ncol(model$W[[1L]]), nobs(model), b[1]))
}

fixture <- list(
  provenance = list(
    package = "plm",
    version = as.character(packageVersion("plm")),
    r = R.version.string,
    script = "validation/plm_gmm.R",
    data = "plm data(EmplUK), written by this script",
    data_sha256 = sha256(csv_path)
  ),
  csv = relative_csv,
  data_sha256_of = "bytes of the csv file",
  index = c("firm", "year"),
  matrix_layout = "vcov matrices row-major in coefficient_names order",
  cases = results
)
out_path <- file.path(repo, "Tests", "Fixtures", "plm", "gmm_empluk.json")
writeLines(toJSON(fixture, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE, null = "null"), out_path)
cat("wrote", file.path("Tests", "Fixtures", "plm", "gmm_empluk.json"), "\n")
