# Oracle for hetfirm's Dumitrescu-Hurlin panel Granger non-causality test: R plm::pgrangertest.
#
# Writes three data sets (fixed seed) to Tests/Fixtures/plm/data/granger_{balanced,unbalanced,irregular}.csv,
# reads them back, and writes Tests/Fixtures/plm/granger_NAME.json:
#
#   balanced    40 units (text ids) x 25 years; y_cause depends on lagged x in most units (heterogeneous
#               coefficients), y_null is an AR(1) independent of x.
#               pgrangertest(y ~ x, order = K, test = "Wbar" / "Zbar" / "Ztilde") for K = 1, 2, 3,
#               and the lag order chosen by AIC and BIC (max 4) from lm() + stats::AIC/BIC.
#   unbalanced  30 units with 16 to 27 consecutive years: pgrangertest "Wbar" and "Ztilde" (plm refuses
#               "Zbar" for unbalanced panels; it is written from plm's Wbar by the DH formula).
#   irregular   a missing year inside one unit, a missing y in another, a unit with 4 years, a unit with
#               x constant and a unit with 12 years. plm lags by position across the gap (and warns),
#               so the oracle is what pgrangertest calls, lmtest::grangertest(x, y, order, test = "Chisq"),
#               per unit on the series padded to every year (NA in the missing years), with plm's
#               formulas for Wbar, Zbar and Ztilde and n_i = the rows of each regression. Units whose
#               regression cannot be estimated (n_i <= 2K+1, x constant) are left out and listed.
#               plm's own positional result on the same file is recorded under "plm_positional".
#
# Doubles are written with sprintf("%.17g") (jsonlite alone stops at 15 digits) so they round-trip.
# Run from the repository root: Rscript validation/plm_granger.R
suppressPackageStartupMessages({
  library(plm)
  library(lmtest)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
repo <- normalizePath(file.path(dirname(script), ".."))

sha256 <- function(path) strsplit(system2("sha256sum", shQuote(path), stdout = TRUE), " ")[[1]][1]
num <- function(x) structure(sprintf("%.17g", x), class = "json")
vec <- function(x) structure(paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]"), class = "json")

RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20120601)

# One unit's series: x AR(1); y_cause = a + rho y(-1) + b1 x(-1) + b2 x(-2) + e; y_null = a + rho y(-1) + e.
simulate_unit <- function(years, causal) {
  burn <- 50
  n <- length(years) + burn
  x <- numeric(n); yc <- numeric(n); yn <- numeric(n)
  a <- rnorm(1, 0, 0.5); rho <- runif(1, 0.1, 0.6); phi <- runif(1, 0.2, 0.7)
  b1 <- if (causal) rnorm(1, 0.4, 0.2) else 0
  b2 <- if (causal) rnorm(1, 0.5, 0.1) else 0
  for (t in 3:n) {
    x[t] <- phi * x[t - 1] + rnorm(1)
    yc[t] <- a + rho * yc[t - 1] + b1 * x[t - 1] + b2 * x[t - 2] + rnorm(1)
    yn[t] <- a + rho * yn[t - 1] + rnorm(1)
  }
  keep <- (burn + 1):n
  data.frame(year = years, x = round(x[keep], 10), y_cause = round(yc[keep], 10), y_null = round(yn[keep], 10))
}

panel <- function(ids, spans, causal) {
  do.call(rbind, lapply(seq_along(ids), function(i) {
    cbind(firm = ids[i], simulate_unit(spans[[i]], causal[i]))
  }))
}

write_data <- function(data, name) {
  relative <- file.path("Tests", "Fixtures", "plm", "data", paste0("granger_", name, ".csv"))
  path <- file.path(repo, relative)
  dir.create(dirname(path), showWarnings = FALSE, recursive = TRUE)
  write.csv(data, path, row.names = FALSE, na = "NA", quote = FALSE)
  relative
}

ids_balanced <- sprintf("F%02d", 1:40)
balanced <- panel(ids_balanced, rep(list(2001:2025), 40), causal = (1:40) %% 5 != 0)
ids_unbalanced <- sprintf("U%02d", 1:30)
starts <- 2000 + sample(0:6, 30, replace = TRUE)
lengths <- sample(16:27, 30, replace = TRUE)
unbalanced <- panel(ids_unbalanced, lapply(1:30, function(i) starts[i] + 0:(lengths[i] - 1)), causal = (1:30) %% 4 != 0)
ids_irregular <- sprintf("R%02d", 1:20)
spans <- rep(list(2001:2020), 20)
spans[[4]] <- 2001:2004        # 4 years: too few for any K (n_i <= 2K+1)
spans[[9]] <- 2001:2012        # 12 years: n_i = 12 - K, so Z-tilde is unavailable for K = 3 (n_i <= 2K+5)
irregular <- panel(ids_irregular, spans, causal = (1:20) %% 3 != 0)
irregular <- irregular[!(irregular$firm == "R06" & irregular$year == 2010), ]   # a missing year
irregular$y_cause[irregular$firm == "R11" & irregular$year == 2008] <- NA       # a missing value
irregular$y_null[irregular$firm == "R11" & irregular$year == 2008] <- NA
irregular$x[irregular$firm == "R15"] <- 0.5                                      # x constant: collinear lags

# Wbar, Zbar and Ztilde from per-unit Wald statistics, plm's formulas with Ti = n_i + K.
aggregate_dh <- function(W, n, K) {
  N <- length(W); Ti <- n + K
  Wbar <- mean(W)
  Zbar <- sqrt(N / (2 * K)) * (Wbar - K)
  Ztilde <- if (all(Ti > 5 + 3 * K)) {
    sqrt(N) * (Wbar - 1 / N * sum(K * (Ti - 3 * K - 1) / (Ti - 3 * K - 3))) * 1 /
      sqrt(1 / N * sum(2 * K * ((Ti - 3 * K - 1)^2 * (Ti - 2 * K - 3)) / ((Ti - 3 * K - 3)^2 * (Ti - 3 * K - 5))))
  } else NA
  list(Wbar = Wbar, Zbar = Zbar, Ztilde = Ztilde)
}

stat_block <- function(value, p) {
  if (is.na(value)) return(NULL)
  list(value = num(value), p_value = num(p))
}

plm_case <- function(data, y, K, balanced) {
  f <- as.formula(paste(y, "~ x"))
  w <- pgrangertest(f, data = data, index = c("firm", "year"), order = K, test = "Wbar")
  zt <- pgrangertest(f, data = data, index = c("firm", "year"), order = K, test = "Ztilde")
  ind <- w$indgranger
  n <- as.integer(table(data$firm)[as.character(ind$firm)]) - K
  if (balanced) {
    zb <- pgrangertest(f, data = data, index = c("firm", "year"), order = K, test = "Zbar")
    zbar <- stat_block(unname(zb$statistic), unname(zb$p.value)); zbar$source <- 'pgrangertest(test = "Zbar")'
  } else {
    value <- aggregate_dh(ind$Chisq, n, K)$Zbar
    zbar <- stat_block(value, 2 * pnorm(abs(value), lower.tail = FALSE))
    zbar$source <- "sqrt(N/(2K)) (Wbar - K) from pgrangertest's Wbar (plm refuses Zbar for unbalanced panels)"
  }
  list(
    effect = y, cause = "x", lags = K,
    call = sprintf('pgrangertest(%s ~ x, data, index = c("firm", "year"), order = %d, test = "Wbar" / "Zbar" / "Ztilde")', y, K),
    units = length(ind$firm),
    wbar = num(unname(w$statistic)),
    zbar = zbar,
    ztilde = stat_block(unname(zt$statistic), unname(zt$p.value)),
    unit_names = as.character(ind$firm),
    unit_observations = n,
    unit_wald = vec(ind$Chisq),
    unit_p_values = vec(ind[["p-value"]]),
    dropped_units = character(0)
  )
}

lmtest_case <- function(data, y, K) {
  units <- unique(as.character(data$firm))
  W <- c(); P <- c(); n <- c(); kept <- c(); dropped <- c()
  for (u in units) {
    d <- data[data$firm == u, ]
    years <- min(d$year):max(d$year)
    padded <- merge(data.frame(year = years), d, by = "year", all.x = TRUE)
    xs <- padded$x; ys <- padded[[y]]
    # the rows the regression uses: y_t and every lag present (grangertest also needs x_t)
    rows <- sum(sapply((K + 1):length(years), function(t) all(!is.na(c(ys[t], xs[t], ys[t - (1:K)], xs[t - (1:K)])))))
    ok <- rows > 2 * K + 1 && length(unique(d$x)) > 1
    if (!ok) { dropped <- c(dropped, u); next }
    g <- grangertest(xs, ys, order = K, test = "Chisq")
    W <- c(W, g$Chisq[2]); P <- c(P, g[["Pr(>Chisq)"]][2]); n <- c(n, g$Res.Df[1] + 2 * K + 1); kept <- c(kept, u)
  }
  s <- aggregate_dh(W, n, K)
  positional <- suppressWarnings(pgrangertest(as.formula(paste(y, "~ x")),
    data = data[!(data$firm %in% dropped), ], index = c("firm", "year"), order = K, test = "Wbar"))
  list(
    effect = y, cause = "x", lags = K,
    call = sprintf("lmtest::grangertest(x, %s, order = %d, test = \"Chisq\") per unit on the series padded to every year; plm's Wbar/Zbar/Ztilde formulas with Ti = n_i + K", y, K),
    units = length(kept),
    wbar = num(s$Wbar),
    zbar = stat_block(s$Zbar, 2 * pnorm(abs(s$Zbar), lower.tail = FALSE)),
    ztilde = stat_block(s$Ztilde, 2 * pnorm(abs(s$Ztilde), lower.tail = FALSE)),
    unit_names = kept,
    unit_observations = as.integer(n),
    unit_wald = vec(W),
    unit_p_values = vec(P),
    dropped_units = dropped,
    plm_positional = list(
      note = "pgrangertest on the same rows without the dropped units: lags by position across the missing year and value",
      wbar = num(unname(positional$statistic)),
      unit_wald = vec(positional$indgranger$Chisq))
  )
}

# Lag selection oracle: per unit, lm() of y on K lags (K = 1..max) on the rows where max lags exist,
# stats::AIC / BIC, averaged over units; K = argmin.
selection_case <- function(data, y, criterion, max_lags) {
  units <- unique(as.character(data$firm))
  values <- matrix(NA, length(units), max_lags)
  for (i in seq_along(units)) {
    d <- data[data$firm == units[i], ]
    d <- d[order(d$year), ]
    Tn <- nrow(d)
    rows <- (max_lags + 1):Tn
    for (K in 1:max_lags) {
      Y <- d[[y]][rows]
      X <- do.call(cbind, c(lapply(1:K, function(k) d[[y]][rows - k]), lapply(1:K, function(k) d$x[rows - k])))
      fit <- lm(Y ~ X)
      values[i, K] <- if (criterion == "aic") AIC(fit) else BIC(fit)
    }
  }
  means <- colMeans(values)
  list(effect = y, cause = "x", criterion = criterion, maximum_lags = max_lags,
       call = "per unit lm(y ~ K lags of y and x) on the rows with max lags; stats::AIC/BIC; mean over units; K = argmin",
       mean_criterion = vec(means), chosen_lags = which.min(means))
}

datasets <- list(balanced = balanced, unbalanced = unbalanced, irregular = irregular)
for (name in names(datasets)) {
  relative <- write_data(datasets[[name]], name)
  path <- file.path(repo, relative)
  data <- read.csv(path, na.strings = "NA")
  cases <- list()
  for (y in c("y_cause", "y_null")) for (K in 1:3) {
    cases[[length(cases) + 1]] <- if (name == "irregular") lmtest_case(data, y, K) else plm_case(data, y, K, name == "balanced")
  }
  fixture <- list(
    provenance = list(
      package = "plm",
      version = as.character(packageVersion("plm")),
      r = R.version.string,
      lmtest = as.character(packageVersion("lmtest")),
      script = "validation/plm_granger.R",
      data_sha256 = sha256(path)
    ),
    csv = relative,
    data_sha256_of = "bytes of the csv file",
    panel = c("firm", "year"),
    cases = cases
  )
  if (name == "balanced") {
    fixture$lag_selection <- list(selection_case(data, "y_cause", "aic", 4), selection_case(data, "y_cause", "bic", 4),
                                  selection_case(data, "y_null", "aic", 4), selection_case(data, "y_null", "bic", 4))
  }
  out <- file.path(repo, "Tests", "Fixtures", "plm", paste0("granger_", name, ".json"))
  writeLines(toJSON(fixture, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE, null = "null"), out)
  cat("wrote", file.path("Tests", "Fixtures", "plm", paste0("granger_", name, ".json")), "\n")
}
