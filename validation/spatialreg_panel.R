# Oracle for hetfirm's fixed-effects spatial panel ML estimators (issue 14): spatialreg on the panel that
# validation/spatial_panel.py writes to Tests/Fixtures/spreg/panel_fe.json (N = 60 units, k = 5 nearest
# neighbours, T = 6; y_sar for the lag model, y_sem for the error model and SDEM, y_sdm for SDM, y_sac for SAC;
# regressors x1, x2; no intercept).
#
# spatialreg has no panel estimator; every case below is lagsarlm / errorsarlm (also Durbin = TRUE) and
# sacsarlm (method = "eigen", control = list(tol.opt = .Machine$double.eps); SAC: nlminb rel.tol 1e-12,
# x.tol 1e-13) on a stacked, transformed data set with a
# block-diagonal weights list, time-major (rows 1..N are period 1):
#   direct_individual  data demeaned by unit (y_it - ybar_i.), W_NT = I_T (x) W (row-standardised kNN).
#                      Elhorst's (2003, 2014) direct approach with unit effects; sigma2 = SSE/(NT);
#                      Jacobian T ln|I - rho W|. Equals spreg ML_LagFE / ML_ErrorFE.
#   direct_two_way     data demeaned by unit and time (y_it - ybar_i. - ybar_.t + ybar), W_NT = I_T (x) W,
#                      lagsarlm forms W_NT y~ from the DEMEANED y (as spreg does on two-way demeaned input).
#                      W y~ is not time-demeaned when 1'W != 1' (kNN W is not doubly stochastic).
#   lee_yu_individual  Lee & Yu (2010) transformation approach, unit effects: Y* = F_T' Y, F_T (T x T-1)
#                      orthonormal with F_T' 1 = 0 (normalised Helmert contrasts), W unchanged:
#                      N(T-1) observations, sigma2 = SSE/(N(T-1)), Jacobian (T-1) ln|I - rho W|.
#   lee_yu_two_way     Lee & Yu (2010), unit and time effects, row-standardised W: Y** = F_T' Y F_N,
#                      W* = F_N' W F_N ((N-1) x (N-1)), W*_NT = I_{T-1} (x) W* (a listw of style "M" built directly: W* has negative entries):
#                      (N-1)(T-1) observations, sigma2 = SSE/((N-1)(T-1)), Jacobian
#                      (T-1) ln|I - rho W*| = (T-1) [ln|I - rho W| - ln(1 - rho)] (eig(W*) = eig(W) without 1).
#                      The interval is set to spatialreg's default for W itself (1/min real eig, 1/max eig)
#                      because W* has no unit eigenvalue.
# Standard errors: lagsarlm: analytic information matrix (ase = TRUE) of the stacked model; errorsarlm:
# lambda from the analytic information matrix, beta from the filtered regression with divisor n (see
# validation/spatialreg_columbus.R), with n = the rows of the stacked transformed data. For the Lee-Yu
# cases this is Lee-Yu's information matrix of the transformed likelihood.
#
# Doubles are written with sprintf("%.17g"). Run from the repository root (after spatial_panel.py):
#   Rscript validation/spatialreg_panel.R
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

source_relative <- file.path("Tests", "Fixtures", "spreg", "panel_fe.json")
source <- fromJSON(file.path(repo, source_relative), simplifyVector = TRUE)
rows <- source$data$rows
colnames(rows) <- source$data$columns
N <- source$dgp$N
TT <- source$dgp$T
stopifnot(all(rows[, "unit"] == rep(1:N, TT)), all(rows[, "time"] == rep(1:TT, each = N)))
as_panel <- function(column) matrix(rows[, column], nrow = TT, ncol = N, byrow = TRUE)   # T x N
edges <- source$weights$edges
C <- matrix(0, N, N)
C[edges] <- 1
W <- C / rowSums(C)

block_listw <- function(M, blocks, style) {
  big <- kronecker(diag(blocks), M)
  if (style == "W") {
    nb <- mat2listw(big, style = "B")$neighbours
    nb2listw(nb, style = "W")
  } else {
    # general (dense, signed) weights: mat2listw refuses negative values, so the listw is built directly
    nb <- lapply(seq_len(nrow(big)), function(i) which(big[i, ] != 0))
    weights <- lapply(seq_len(nrow(big)), function(i) big[i, nb[[i]]])
    attr(nb, "region.id") <- as.character(seq_len(nrow(big)))
    class(nb) <- "nb"
    listw <- list(style = "M", neighbours = nb, weights = weights)
    class(listw) <- c("listw", "nb")
    attr(listw, "region.id") <- attr(nb, "region.id")
    stopifnot(max(abs(listw2mat(listw) - big)) == 0)
    listw
  }
}

two_way <- function(A) A - matrix(rowMeans(A), nrow(A), ncol(A)) - matrix(colMeans(A), nrow(A), ncol(A), byrow = TRUE) + mean(A)
unit_demean <- function(A) A - matrix(colMeans(A), nrow(A), ncol(A), byrow = TRUE)
helmert <- function(m) { H <- contr.helmert(m); sweep(H, 2, sqrt(colSums(H^2)), "/") }   # m x (m-1), orthonormal, H'1 = 0
stacked <- function(A) as.vector(t(A))   # time-major: period 1 units 1..N first

F_T <- helmert(TT)
F_N <- helmert(N)
stopifnot(max(abs(crossprod(F_T) - diag(TT - 1))) < 1e-14, max(abs(crossprod(F_N) - diag(N - 1))) < 1e-14)
W_star <- t(F_N) %*% W %*% F_N

eig_W <- eigen(W, only.values = TRUE)$values
real_eig <- Re(eig_W[abs(Im(eig_W)) < 1e-12])
interval_W <- 1 / range(real_eig) + c(1, -1) * .Machine$double.eps

cases <- list(
  direct_individual = list(transform = function(A) unit_demean(A), listw = block_listw(W, TT, "W"),
    observations = N * TT, jacobian = "T ln|I - rho W| (eigenvalues of I_T (x) W)", sigma2_divisor = "N*T",
    description = "unit-demeaned data, W_NT = I_T (x) W (direct approach, Elhorst 2003/2014)"),
  direct_two_way = list(transform = function(A) two_way(A), listw = block_listw(W, TT, "W"),
    observations = N * TT, jacobian = "T ln|I - rho W|", sigma2_divisor = "N*T",
    description = "two-way demeaned data, W_NT = I_T (x) W applied to the demeaned y (direct approach without re-demeaning W y)"),
  lee_yu_individual = list(transform = function(A) t(F_T) %*% A, listw = block_listw(W, TT - 1, "W"),
    observations = N * (TT - 1), jacobian = "(T-1) ln|I - rho W|", sigma2_divisor = "N*(T-1)",
    description = "Lee-Yu transformation approach, unit effects: Y* = F_T' Y, W unchanged"),
  lee_yu_two_way = list(transform = function(A) t(F_T) %*% A %*% F_N, listw = block_listw(W_star, TT - 1, "M"),
    observations = (N - 1) * (TT - 1), jacobian = "(T-1) ln|I - rho W*| = (T-1) [ln|I - rho W| - ln(1 - rho)]", sigma2_divisor = "(N-1)*(T-1)",
    description = "Lee-Yu transformation approach, unit and time effects: Y** = F_T' Y F_N, W* = F_N' W F_N", interval = interval_W)
)

control <- list(tol.opt = .Machine$double.eps)
fit_block <- function(fit, kind, case, listw) {
  coefs <- fit$coefficients
  ses <- fit$rest.se
  names(ses) <- names(coefs)
  fun <- switch(kind, lag = "lagsarlm", sdm = "lagsarlm", error = "errorsarlm", sdem = "errorsarlm", sac = "sacsarlm")
  response <- switch(kind, lag = "y_sar", sdm = "y_sdm", error = "y_sem", sdem = "y_sem", sac = "y_sac")
  extra <- switch(kind, sdm = ", Durbin = TRUE", "")
  ctl <- if (kind == "sac") sprintf("control = list(opt_control = list(rel.tol = %g, x.tol = 1e-13))", fit$rel_tol) else "control = list(tol.opt = .Machine$double.eps)"
  out <- list(
    call = sprintf('%s(%s ~ %s - 1, data = transformed, listw = <%s>, method = "eigen"%s, %s%s)', fun, response,
                   if (kind == "sdem") "x1 + x2 + lag.x1 + lag.x2 (lag.x = lag.listw(listw, x) of the transformed x)" else "x1 + x2", case$description, extra, ctl,
                   if (!is.null(case$interval)) (if (kind == "sac") ", interval1 = interval2 = 1/range(real eigenvalues of W) -/+ eps" else ", interval = 1/range(real eigenvalues of W) -/+ eps") else ""),
    observations = length(fit$residuals),
    coefficient_names = names(coefs),
    coefficients = named(coefs),
    standard_errors = named(ses),
    sigma2 = num(fit$s2),
    sigma2_divisor = case$sigma2_divisor,
    sse = num(fit$SSE),
    log_likelihood = num(c(fit$LL)),
    log_likelihood_formula = sprintf("-n/2 ln(2 pi) - n/2 ln(sigma2) - n/2 + %s, n = %s", if (kind == "sac") paste0(case$jacobian, " + the same in lambda") else case$jacobian, case$sigma2_divisor),
    parameters = fit$parameters,
    aic = num(AIC(fit)),
    se_method = switch(kind, lag = , sdm = "analytic information matrix of the stacked model (lagsarlm ase)",
                       sac = "analytic information matrix of the stacked model (sacsarlm ase)",
                       "lambda: analytic information matrix; beta: filtered-regression SEs with divisor n (errorsarlm)")
  )
  if (kind == "sac") {
    out$interval_rho <- vec(fit$interval1); out$interval_lambda <- vec(fit$interval2)
    out$optimizer_convergence <- fit$opt$convergence
  } else {
    out$interval <- vec(fit$interval)
  }
  if (kind %in% c("lag", "sdm", "sac")) {
    out$rho <- num(unname(fit$rho)); out$rho_se <- num(unname(fit$rho.se))
  }
  if (kind %in% c("error", "sdem", "sac")) {
    out$lambda <- num(unname(fit$lambda)); out$lambda_se <- num(unname(fit$lambda.se))
  }
  out$covariance_parameter_order <- c("sigma2", if (!is.null(fit$rho)) "rho", if (!is.null(fit$lambda)) "lambda", names(coefs))
  out$covariance <- matrix_rows(fit$resvar)
  out
}

results <- list()
for (name in names(cases)) {
  case <- cases[[name]]
  data <- data.frame(y_sar = stacked(case$transform(as_panel("y_sar"))), y_sem = stacked(case$transform(as_panel("y_sem"))),
                     y_sdm = stacked(case$transform(as_panel("y_sdm"))), y_sac = stacked(case$transform(as_panel("y_sac"))),
                     x1 = stacked(case$transform(as_panel("x1"))), x2 = stacked(case$transform(as_panel("x2"))))
  stopifnot(nrow(data) == case$observations)
  interval <- case$interval
  lag <- lagsarlm(y_sar ~ x1 + x2 - 1, data = data, listw = case$listw, method = "eigen", interval = interval, control = control)
  err <- errorsarlm(y_sem ~ x1 + x2 - 1, data = data, listw = case$listw, method = "eigen", interval = interval, control = control)
  sdm <- lagsarlm(y_sdm ~ x1 + x2 - 1, data = data, listw = case$listw, method = "eigen", Durbin = TRUE, interval = interval, control = control)
  # errorsarlm(Durbin = TRUE) fails without an intercept in spatialreg 1.2.6 (its SDEM-impacts code tests
  # `(m %/% 2) > 0` for an odd column count and then calls .estimable with an undefined matrix), so the
  # SDEM is fitted as the SEM with the lagged columns added by hand (the same model and likelihood).
  data$lag.x1 <- lag.listw(case$listw, data$x1)
  data$lag.x2 <- lag.listw(case$listw, data$x2)
  sdem <- errorsarlm(y_sem ~ x1 + x2 + lag.x1 + lag.x2 - 1, data = data, listw = case$listw, method = "eigen", interval = interval, control = control)
  # nlminb with rel.tol = 1e-12; where it stops with the spurious "singular convergence (7)" at that
  # tolerance, rel.tol = 1e-10 (nlminb's default) is used instead and recorded.
  for (rel_tol in c(1e-12, 1e-10)) {
    sac <- suppressWarnings(sacsarlm(y_sac ~ x1 + x2 - 1, data = data, listw = case$listw, method = "eigen", interval1 = interval,
                    interval2 = interval, control = list(opt_control = list(rel.tol = rel_tol, x.tol = 1e-13, eval.max = 2000L, iter.max = 1000L))))
    if (sac$opt$convergence == 0) break
  }
  stopifnot(sac$opt$convergence == 0)
  sac$rel_tol <- rel_tol
  block <- list(description = case$description, observations = case$observations,
                lag = fit_block(lag, "lag", case, case$listw), error = fit_block(err, "error", case, case$listw),
                sdm = fit_block(sdm, "sdm", case, case$listw), sdem = fit_block(sdem, "sdem", case, case$listw),
                sac = fit_block(sac, "sac", case, case$listw))
  if (name %in% c("direct_individual", "lee_yu_individual", "lee_yu_two_way", "direct_two_way")) {
    # impacts of the lag model on the cross-section W (the panel's block-diagonal W gives the same averages)
    listw_N <- nb2listw(mat2listw(C, style = "B")$neighbours, style = "W")
    for (kind in c("lag", "sdm", "sac")) {
      fit <- switch(kind, lag = lag, sdm = sdm, sac = sac)
      proxy <- fit
      proxy$residuals <- proxy$residuals[1:N]
      imp <- impacts(proxy, listw = listw_N)
      block[[kind]]$impacts <- list(
        method = "impacts(fit, listw = W (N x N, row-standardised)) with the panel fit's rho, beta (and theta): S_k = (I - rho W)^-1 (beta_k I + theta_k W), direct = tr(S_k)/N, total = 1'S_k 1/N, indirect = total - direct",
        direct = named(setNames(imp$direct, c("x1", "x2"))),
        indirect = named(setNames(imp$indirect, c("x1", "x2"))),
        total = named(setNames(imp$total, c("x1", "x2"))))
    }
  }
  results[[name]] <- block
  cat(sprintf("%-18s lag rho=%.12f (%.12f) LL=%.10f s2=%.10f | error lambda=%.12f (%.12f) LL=%.10f\n", name,
              lag$rho, lag$rho.se, lag$LL, lag$s2, err$lambda, err$lambda.se, err$LL))
  cat(sprintf("%-18s sdm rho=%.12f LL=%.10f | sdem lambda=%.12f LL=%.10f | sac rho=%.12f lambda=%.12f LL=%.10f\n", "",
              sdm$rho, sdm$LL, sdem$lambda, sdem$LL, sac$rho, sac$lambda, sac$LL))
}

sha256 <- function(path) strsplit(system2("sha256sum", shQuote(path), stdout = TRUE), " ")[[1]][1]
fixture <- list(
  provenance = list(
    package = "spatialreg",
    version = as.character(packageVersion("spatialreg")),
    spdep = as.character(packageVersion("spdep")),
    r = R.version.string,
    script = "validation/spatialreg_panel.R",
    data_sha256 = source$provenance$data_sha256,
    data_sha256_of = "the data of Tests/Fixtures/spreg/panel_fe.json (its provenance.data_sha256)",
    source_fixture = source_relative,
    source_fixture_sha256 = sha256(file.path(repo, source_relative))
  ),
  panel = list(N = N, T = TT, regressors = c("x1", "x2"), responses = list(lag = "y_sar", error = "y_sem", sdm = "y_sdm", sdem = "y_sem", sac = "y_sac"),
               stacking = "time-major (rows 1..N are period 1)",
               orthonormal_transform = "F_m = contr.helmert(m) with each column scaled to unit length (m x (m-1), F'F = I, F'1 = 0); results do not depend on the choice of F"),
  interval_of_W = vec(interval_W),
  cases = results
)
out <- file.path(repo, "Tests", "Fixtures", "spatialreg", "panel_fe.json")
writeLines(toJSON(fixture, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE, null = "null"), out)
cat("wrote Tests/Fixtures/spatialreg/panel_fe.json\n")
