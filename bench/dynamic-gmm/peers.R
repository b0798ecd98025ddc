# plm pgmm on the simulated dynamic panel (bench/dynamic-gmm/make_panel.py), one estimation per process.
#
#   Rscript bench/dynamic-gmm/peers.R CSV d|ld [OUT.json]
#
# Fits pgmm(y ~ lag(y, 1:2) + lag(x, 0:1) | lag(y, 2:99), effect = "twoways", model = "twosteps",
# transformation = d|ld), then vcovHC (Windmeijer), mtest(1), mtest(2) and sargan, as summary() does.
# Prints one line: peer, transformation, units, seconds (estimation only: pgmm + vcovHC + tests,
# CSV read excluded), peak RSS of the process in MB (VmHWM), and writes coefficients and robust SEs
# to OUT.json when given (for the hetfirm comparison at 1e-6).
suppressPackageStartupMessages({
  library(plm)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
transformation <- args[2]
out <- if (length(args) >= 3) args[3] else NULL
data <- read.csv(csv)
start <- proc.time()[["elapsed"]]
model <- pgmm(y ~ lag(y, 1:2) + lag(x, 0:1) | lag(y, 2:99), data = data, index = c("id", "year"),
              effect = "twoways", model = "twosteps", transformation = transformation)
V <- vcovHC(model)
m1 <- mtest(model, order = 1, vcov = V)
m2 <- mtest(model, order = 2, vcov = V)
s <- sargan(model)
seconds <- proc.time()[["elapsed"]] - start
status <- readLines("/proc/self/status")
hwm_kb <- as.numeric(gsub("[^0-9]", "", status[grep("^VmHWM", status)]))
b <- coef(model)
cat(sprintf("peer=plm-pgmm transformation=%s units=%d seconds=%.3f peak_rss_mb=%.1f instruments=%d b1=%.10f\n",
            transformation, length(model$W), seconds, hwm_kb / 1024, ncol(model$W[[1]]), b[1]))
if (!is.null(out)) {
  writeLines(toJSON(list(
    peer = "plm", version = as.character(packageVersion("plm")), transformation = transformation,
    seconds = seconds, peak_rss_mb = hwm_kb / 1024,
    coefficient_names = names(b),
    coefficients = structure(paste0("[", paste(sprintf("%.17g", b), collapse = ","), "]"), class = "json"),
    standard_errors = structure(paste0("[", paste(sprintf("%.17g", sqrt(diag(V))), collapse = ","), "]"), class = "json"),
    ar1 = as.numeric(m1$statistic), ar2 = as.numeric(m2$statistic), sargan = as.numeric(s$statistic),
    sargan_df = as.integer(s$parameter), n_instruments = ncol(model$W[[1]])
  ), auto_unbox = TRUE, json_verbatim = TRUE, digits = NA), out)
}
