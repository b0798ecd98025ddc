# Oracle for hetfirm's cross-section spatial ML estimators (issue 14): spatialreg on Anselin's Columbus data.
#
# Data: spData's `columbus` (49 neighbourhoods, rows in POLYID order 1..49) and `col.gal.nb` (queen
# contiguity read from the GeoDa GAL file; symmetric, 230 directed links). Model CRIME ~ INC + HOVAL with
# W = nb2listw(col.gal.nb, style = "W") (row-standardised). The fixture stores the BINARY neighbour edges
# (from, to) in POLYID terms; hetfirm row-standardises them itself.
#
# Models, all method = "eigen" (log-determinant from the eigenvalues of W, admissible interval
# (1/λ_min, 1/λ_max) shrunk by .Machine$double.eps at both ends):
#   sar   lagsarlm(CRIME ~ INC + HOVAL)                      y = ρWy + Xβ + ε
#   sem   errorsarlm(CRIME ~ INC + HOVAL)                    y = Xβ + u, u = λWu + ε
#   sac   sacsarlm(CRIME ~ INC + HOVAL)  (listw2 = listw)    y = ρWy + Xβ + u, u = λWu + ε
#   sdm   lagsarlm(..., Durbin = TRUE)                       y = ρWy + Xβ + WXθ + ε
#   sdem  errorsarlm(..., Durbin = TRUE)                     y = Xβ + WXθ + u, u = λWu + ε
#
# How spatialreg 1.2.6 computes the standard errors with method = "eigen" (read from the package source,
# printed with `print(spatialreg::lagsarlm)` etc.; recorded per model under "se_method"):
#   lagsarlm   analytic asymptotic information matrix in (σ², ρ, β) (ase = TRUE; fdHess is NULL/FALSE).
#   errorsarlm λ: analytic information matrix in (σ², λ, β); β: the OLS standard errors of the
#              spatially filtered regression rescaled to divisor n, sqrt(SSE/n · diag((X*'X*)⁻¹)), X* = X − λWX
#              (= the β block of the analytic inverse, which is block diagonal in β).
#   sacsarlm   analytic information matrix in (σ², ρ, λ, β) (ase = TRUE). A numerical (nlme::fdHess)
#              Hessian is only used when the information matrix cannot be inverted or method != "eigen".
# validation/spatial_information_matrix.py recomputes every information matrix independently (numpy) at
# spatialreg's estimates (it must reproduce resvar) and at the fully converged optimum, and writes them
# to Tests/Fixtures/spatialreg/columbus_numpy.json.
#
# Optimiser settings (recorded under "optimizer"): lagsarlm/errorsarlm maximise the concentrated
# likelihood with stats::optimize, tol = tol.opt. optimize (Brent) stops when the bracket is below
# 2·(sqrt(DBL_EPSILON)·|ρ| + tol/3), so ρ is only located to ~1e-8 relative however small tol.opt is;
# sacsarlm uses nlminb. The numpy script re-solves the score equations to ~1e-15 and records that
# optimum as well.
#
# Doubles are written with sprintf("%.17g") (jsonlite alone stops at 15 digits) so they round-trip.
# Run from the repository root: Rscript validation/spatialreg_columbus.R
suppressPackageStartupMessages({
  library(spatialreg)
  library(spdep)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
repo <- normalizePath(file.path(dirname(script), ".."))

num <- function(x) structure(sprintf("%.17g", x), class = "json")
vec <- function(x) structure(paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]"), class = "json")
named <- function(x) { out <- lapply(unname(x), num); names(out) <- names(x); out }
matrix_rows <- function(m) structure(paste0("[", paste(apply(m, 1, function(r) vec(r)), collapse = ", "), "]"), class = "json")

data(columbus, package = "spData")
stopifnot(all(columbus$POLYID == seq_len(nrow(columbus))), spdep::is.symmetric.nb(col.gal.nb))
listw <- nb2listw(col.gal.nb, style = "W")
n <- nrow(columbus)

# binary neighbour edges (from, to) in POLYID terms (row i of columbus is POLYID i)
edges <- do.call(rbind, lapply(seq_len(n), function(i) if (length(col.gal.nb[[i]]) && col.gal.nb[[i]][1] != 0) cbind(i, col.gal.nb[[i]])))
colnames(edges) <- NULL

tol_opt <- .Machine$double.eps
control_1d <- list(tol.opt = tol_opt)
nlminb_control <- list(rel.tol = 1e-12, x.tol = 1e-13, eval.max = 2000L, iter.max = 1000L)
control_sac <- list(opt_control = nlminb_control)

f <- CRIME ~ INC + HOVAL
fits <- list(
  sar = lagsarlm(f, data = columbus, listw = listw, method = "eigen", control = control_1d),
  sem = errorsarlm(f, data = columbus, listw = listw, method = "eigen", control = control_1d),
  sac = sacsarlm(f, data = columbus, listw = listw, method = "eigen", control = control_sac),
  sdm = lagsarlm(f, data = columbus, listw = listw, method = "eigen", Durbin = TRUE, control = control_1d),
  sdem = errorsarlm(f, data = columbus, listw = listw, method = "eigen", Durbin = TRUE, control = control_1d)
)
calls <- list(
  sar = 'lagsarlm(CRIME ~ INC + HOVAL, data = columbus, listw = nb2listw(col.gal.nb, style = "W"), method = "eigen", control = list(tol.opt = .Machine$double.eps))',
  sem = 'errorsarlm(CRIME ~ INC + HOVAL, data = columbus, listw = nb2listw(col.gal.nb, style = "W"), method = "eigen", control = list(tol.opt = .Machine$double.eps))',
  sac = 'sacsarlm(CRIME ~ INC + HOVAL, data = columbus, listw = nb2listw(col.gal.nb, style = "W"), method = "eigen", control = list(opt_control = list(rel.tol = 1e-12, x.tol = 1e-13, eval.max = 2000, iter.max = 1000)))',
  sdm = 'lagsarlm(CRIME ~ INC + HOVAL, data = columbus, listw = nb2listw(col.gal.nb, style = "W"), method = "eigen", Durbin = TRUE, control = list(tol.opt = .Machine$double.eps))',
  sdem = 'errorsarlm(CRIME ~ INC + HOVAL, data = columbus, listw = nb2listw(col.gal.nb, style = "W"), method = "eigen", Durbin = TRUE, control = list(tol.opt = .Machine$double.eps))'
)
se_methods <- list(
  sar = "analytic asymptotic information matrix in (sigma2, rho, beta), inverted (lagsarlm ase = TRUE)",
  sem = "lambda: analytic information matrix in (sigma2, lambda, beta), inverted; beta: OLS SEs of the filtered regression (y - lambda W y) on (X - lambda W X) times sqrt((n - p)/n), i.e. sqrt(SSE/n * diag((X*'X*)^-1)) (the beta block of the inverse information, which is block diagonal)",
  sac = "analytic asymptotic information matrix in (sigma2, rho, lambda, beta), inverted (sacsarlm ase = TRUE)",
  sdm = "as sar, with X = [1, INC, HOVAL, W INC, W HOVAL]",
  sdem = "as sem, with X = [1, INC, HOVAL, W INC, W HOVAL]"
)

model_block <- function(name, fit) {
  s <- summary(fit)
  coefs <- fit$coefficients
  ses <- fit$rest.se
  names(ses) <- names(coefs)
  lr <- s$LR1
  lm_ll <- fit$logLik_lm.model
  ll <- logLik(fit)
  out <- list(
    call = calls[[name]],
    type = fit$type,
    coefficient_names = names(coefs),
    coefficients = named(coefs),
    standard_errors = named(ses),
    se_method = se_methods[[name]],
    ase = isTRUE(fit$ase),
    sigma2 = num(fit$s2),
    sigma2_divisor = "n",
    sse = num(fit$SSE),
    n = n,
    log_likelihood = num(c(fit$LL)),
    log_likelihood_formula = if (name %in% c("sar", "sdm")) "ln|I - rho W| - n/2 ln(2 pi) - n/2 ln(sigma2) - SSE/(2 sigma2), sigma2 = SSE/n" else if (name == "sac") "ln|I - rho W| + ln|I - lambda W| - n/2 ln(2 pi) - n/2 ln(sigma2) - n/2, sigma2 = SSE/n" else "ln|I - lambda W| - n/2 ln(2 pi) - n/2 ln(sigma2) - SSE/(2 sigma2), sigma2 = SSE/n",
    parameters = fit$parameters,
    parameters_counted = if (name == "sac") "beta (all columns) + rho + lambda + sigma2" else "beta (all columns) + spatial parameter + sigma2",
    aic = num(AIC(fit)),
    bic = num(BIC(fit)),
    lm_log_likelihood = num(c(lm_ll)),
    lm_aic = num(fit$AIC_lm.model),
    lr_test = list(
      statistic = num(unname(lr$statistic)),
      df = unname(lr$parameter),
      p_value = num(unname(lr$p.value)),
      against = if (name == "sac") "OLS of CRIME on [1, INC, HOVAL] (lm(formula))" else if (name %in% c("sdm", "sdem")) "OLS of CRIME on all columns of X including W INC, W HOVAL (SLX)" else "OLS of CRIME on [1, INC, HOVAL]"
    ),
    wald_test = list(statistic = num(unname(s$Wald1$statistic)), df = unname(s$Wald1$parameter), p_value = num(unname(s$Wald1$p.value)))
  )
  if (!is.null(fit$rho)) {
    out$rho <- num(unname(fit$rho)); out$rho_se <- num(unname(fit$rho.se))
  }
  if (!is.null(fit$lambda)) {
    out$lambda <- num(unname(fit$lambda)); out$lambda_se <- num(unname(fit$lambda.se))
  }
  if (!is.null(fit$interval)) out$interval <- vec(fit$interval)
  if (!is.null(fit$interval1)) { out$interval_rho <- vec(fit$interval1); out$interval_lambda <- vec(fit$interval2) }
  if (is.matrix(fit$resvar)) {
    rv <- fit$resvar
    if (name %in% c("sar", "sdm")) {
      out$covariance_parameter_order <- c("sigma2", "rho", names(coefs))
      out$covariance <- matrix_rows(rv)
      out$covariance_note <- "lagsarlm resvar: inverse of the analytic information matrix in (sigma2, rho, beta)"
    } else if (name == "sac") {
      out$covariance_parameter_order <- c("sigma2", "rho", "lambda", names(coefs))
      out$covariance <- matrix_rows(rv)
      out$covariance_note <- "sacsarlm resvar: inverse of the analytic information matrix in (sigma2, rho, lambda, beta)"
    } else {
      out$covariance_parameter_order <- c("sigma2", "lambda", names(coefs))
      out$covariance <- matrix_rows(rv)
      out$covariance_note <- "errorsarlm resvar: inverse of the analytic information matrix in (sigma2, lambda, beta); its beta block is (X*'X*/sigma2)^-1 and equals the reported beta SEs squared"
    }
  }
  if (!is.null(fit$LMtest)) out$lm_test_residual_autocorrelation <- num(c(fit$LMtest))
  if (name == "sac") {
    out$optimizer <- list(routine = "nlminb (start: best of 4 points 0.8*(lower1,upper2),(0,0),(upper1,upper2),(upper1,lower2))", opt_control = list(rel.tol = num(nlminb_control$rel.tol), x.tol = num(nlminb_control$x.tol), eval.max = nlminb_control$eval.max, iter.max = nlminb_control$iter.max), convergence = fit$opt$convergence, message = fit$opt$message, iterations = unname(fit$opt$iterations))
  } else {
    out$optimizer <- list(routine = "stats::optimize on the concentrated log-likelihood", tol_opt = num(tol_opt), effective_precision = "Brent: stops when the bracket < 2*(sqrt(DBL_EPSILON)*|x| + tol/3), i.e. ~1.5e-8 relative")
  }
  if (fit$type %in% c("lag", "mixed", "sac")) {
    imp <- impacts(fit, listw = listw)
    vars <- if (fit$type == "mixed") c("INC", "HOVAL") else names(coefs)[-1]
    out$impacts <- list(
      method = "impacts(fit, listw = listw): exact dense S_k = (I - rho W)^-1 (beta_k I + theta_k W); direct = tr(S_k)/n, total = 1'S_k 1/n, indirect = total - direct",
      variables = vars,
      direct = named(setNames(imp$direct, vars)),
      indirect = named(setNames(imp$indirect, vars)),
      total = named(setNames(imp$total, vars))
    )
  }
  if (name == "sdem") {
    imp <- impacts(fit)
    vars <- attr(imp, "bnames")
    out$impacts <- list(
      method = "impacts(fit) for SDEM (spatialreg impactSDEM): direct = beta_k, indirect = theta_k, total = beta_k + theta_k; SEs from summary.lm of the filtered regression, i.e. with divisor n - p (NOT the model's SSE/n), total by gmodels-style estimable() on the same covariance",
      variables = vars,
      direct = named(imp$impacts$direct),
      indirect = named(imp$impacts$indirect),
      total = named(imp$impacts$total),
      direct_se = named(imp$se$direct),
      indirect_se = named(imp$se$indirect),
      total_se = named(imp$se$total),
      se_divisor = "n - p (p = 5 columns)"
    )
  }
  out
}

models <- lapply(names(fits), function(nm) model_block(nm, fits[[nm]]))
names(models) <- names(fits)

eig <- eigen(listw2mat(similar.listw(listw)), symmetric = TRUE, only.values = TRUE)$values
hash_text <- paste(c(sprintf("%.17g", columbus$POLYID), sprintf("%.17g", columbus$CRIME), sprintf("%.17g", columbus$INC),
                     sprintf("%.17g", columbus$HOVAL), sprintf("%d", t(edges))), collapse = ",")
hash_file <- tempfile()
writeLines(hash_text, hash_file, sep = "")
data_sha256 <- strsplit(system2("sha256sum", shQuote(hash_file), stdout = TRUE), " ")[[1]][1]

fixture <- list(
  provenance = list(
    package = "spatialreg",
    version = as.character(packageVersion("spatialreg")),
    spdep = as.character(packageVersion("spdep")),
    spData = as.character(packageVersion("spData")),
    r = R.version.string,
    script = "validation/spatialreg_columbus.R",
    data_sha256 = data_sha256,
    data_sha256_of = "comma-joined sprintf('%.17g') of POLYID, CRIME, INC, HOVAL (each column in row order), then the edge list (from,to,from,to,...) as integers, no trailing newline"
  ),
  data = list(
    source = "spData::columbus (Anselin 1988), rows in POLYID order",
    n = n,
    unit_id = "POLYID",
    POLYID = columbus$POLYID,
    NEIGNO = columbus$NEIGNO,
    CRIME = vec(columbus$CRIME),
    INC = vec(columbus$INC),
    HOVAL = vec(columbus$HOVAL)
  ),
  weights = list(
    style = "binary-edges",
    source = "spData::col.gal.nb (queen contiguity, GAL file), symmetric",
    unit_id = "POLYID",
    edges = edges,
    edge_count = nrow(edges),
    standardisation = "row (spdep style \"W\"): w_ij = 1/|N(i)| for j in N(i)",
    eigenvalues_range = vec(range(eig)),
    log_determinant_method = "eigen: ln|I - rho W| = sum_i ln(1 - rho omega_i), omega = eigenvalues of W (real: W is similar to a symmetric matrix)"
  ),
  formula = "CRIME ~ INC + HOVAL",
  models = models
)

out <- file.path(repo, "Tests", "Fixtures", "spatialreg", "columbus.json")
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(fixture, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE, null = "null"), out)
cat("wrote Tests/Fixtures/spatialreg/columbus.json\n")
for (nm in names(fits)) {
  fit <- fits[[nm]]
  cat(sprintf("%-5s rho=%s lambda=%s LL=%.10f s2=%.10f\n", nm, if (is.null(fit$rho)) "-" else sprintf("%.12f (%.12f)", fit$rho, fit$rho.se),
              if (is.null(fit$lambda)) "-" else sprintf("%.12f (%.12f)", fit$lambda, fit$lambda.se), fit$LL, fit$s2))
}
