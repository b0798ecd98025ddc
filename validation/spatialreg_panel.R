# Oracle for hetfirm's fixed-effects spatial panel ML estimators (issue 14): spatialreg on the panel that
# validation/spatial_panel.py writes to Tests/Fixtures/spreg/panel_fe.json (N = 60 units, k = 5 nearest
# neighbours, T = 6; y_sar for the lag model, y_sem for the error model; regressors x1, x2; no intercept).
#
# spatialreg has no panel estimator; every case below is lagsarlm / errorsarlm (method = "eigen",
# control = list(tol.opt = .Machine$double.eps)) on a stacked, transformed data set with a
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
  out <- list(
    call = sprintf('%s(%s ~ x1 + x2 - 1, data = transformed, listw = <%s>, method = "eigen", control = list(tol.opt = .Machine$double.eps)%s)',
                   if (kind == "lag") "lagsarlm" else "errorsarlm", if (kind == "lag") "y_sar" else "y_sem", case$description,
                   if (!is.null(case$interval)) ", interval = 1/range(real eigenvalues of W) -/+ eps" else ""),
    observations = length(fit$residuals),
    coefficient_names = names(coefs),
    coefficients = named(coefs),
    standard_errors = named(ses),
    sigma2 = num(fit$s2),
    sigma2_divisor = case$sigma2_divisor,
    sse = num(fit$SSE),
    log_likelihood = num(c(fit$LL)),
    log_likelihood_formula = sprintf("-n/2 ln(2 pi) - n/2 ln(sigma2) - n/2 + %s, n = %s", case$jacobian, case$sigma2_divisor),
    parameters = fit$parameters,
    aic = num(AIC(fit)),
    interval = vec(fit$interval),
    se_method = if (kind == "lag") "analytic information matrix of the stacked model (lagsarlm ase)" else "lambda: analytic information matrix; beta: filtered-regression SEs with divisor n (errorsarlm)"
  )
  if (kind == "lag") {
    out$rho <- num(unname(fit$rho)); out$rho_se <- num(unname(fit$rho.se))
    out$covariance_parameter_order <- c("sigma2", "rho", names(coefs))
  } else {
    out$lambda <- num(unname(fit$lambda)); out$lambda_se <- num(unname(fit$lambda.se))
    out$covariance_parameter_order <- c("sigma2", "lambda", names(coefs))
  }
  out$covariance <- matrix_rows(fit$resvar)
  out
}

results <- list()
for (name in names(cases)) {
  case <- cases[[name]]
  data <- data.frame(y_sar = stacked(case$transform(as_panel("y_sar"))), y_sem = stacked(case$transform(as_panel("y_sem"))),
                     x1 = stacked(case$transform(as_panel("x1"))), x2 = stacked(case$transform(as_panel("x2"))))
  stopifnot(nrow(data) == case$observations)
  interval <- case$interval
  lag <- lagsarlm(y_sar ~ x1 + x2 - 1, data = data, listw = case$listw, method = "eigen", interval = interval, control = control)
  err <- errorsarlm(y_sem ~ x1 + x2 - 1, data = data, listw = case$listw, method = "eigen", interval = interval, control = control)
  block <- list(description = case$description, observations = case$observations,
                lag = fit_block(lag, "lag", case, case$listw), error = fit_block(err, "error", case, case$listw))
  if (name %in% c("direct_individual", "lee_yu_individual", "lee_yu_two_way", "direct_two_way")) {
    # impacts of the lag model on the cross-section W (the panel's block-diagonal W gives the same averages)
    listw_N <- nb2listw(mat2listw(C, style = "B")$neighbours, style = "W")
    proxy <- lag
    proxy$residuals <- proxy$residuals[1:N]
    imp <- impacts(proxy, listw = listw_N)
    block$lag$impacts <- list(
      method = "impacts(fit, listw = W (N x N, row-standardised)) with the panel fit's rho and beta: direct = beta_k tr((I - rho W)^-1)/N, total = beta_k 1'(I - rho W)^-1 1/N, indirect = total - direct",
      direct = named(setNames(imp$direct, c("x1", "x2"))),
      indirect = named(setNames(imp$indirect, c("x1", "x2"))),
      total = named(setNames(imp$total, c("x1", "x2"))))
  }
  results[[name]] <- block
  cat(sprintf("%-18s lag rho=%.12f (%.12f) LL=%.10f s2=%.10f | error lambda=%.12f (%.12f) LL=%.10f\n", name,
              lag$rho, lag$rho.se, lag$LL, lag$s2, err$lambda, err$lambda.se, err$LL))
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
  panel = list(N = N, T = TT, regressors = c("x1", "x2"), lag_model_response = "y_sar", error_model_response = "y_sem",
               stacking = "time-major (rows 1..N are period 1)",
               orthonormal_transform = "F_m = contr.helmert(m) with each column scaled to unit length (m x (m-1), F'F = I, F'1 = 0); results do not depend on the choice of F"),
  interval_of_W = vec(interval_W),
  cases = results
)
out <- file.path(repo, "Tests", "Fixtures", "spatialreg", "panel_fe.json")
writeLines(toJSON(fixture, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE, null = "null"), out)
cat("wrote Tests/Fixtures/spatialreg/panel_fe.json\n")
