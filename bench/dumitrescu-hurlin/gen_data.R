# Writes the benchmark panel: UNITS units x PERIODS years (default 2,000 x 40), columns id, year, x, y.
# x_t = 0.5 x_{t-1} + u; y_t = a_i + 0.3 y_{t-1} + b_i x_{t-1} + e, b_i = 0 for every third unit and
# N(0.2, 0.1) otherwise; 50 burn-in years. Usage: Rscript gen_data.R OUT.csv [UNITS] [PERIODS] [SEED]
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
units <- if (length(args) >= 2) as.integer(args[2]) else 2000L
periods <- if (length(args) >= 3) as.integer(args[3]) else 40L
seed <- if (length(args) >= 4) as.integer(args[4]) else 20120601L
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(seed)
burn <- 50L
n <- burn + periods
rows <- vector("list", units)
for (i in seq_len(units)) {
  u <- rnorm(n); e <- rnorm(n)
  a <- rnorm(1, 0, 0.5); b <- if (i %% 3 == 0) 0 else rnorm(1, 0.2, 0.1)
  x <- numeric(n); y <- numeric(n)
  for (t in 2:n) {
    x[t] <- 0.5 * x[t - 1] + u[t]
    y[t] <- a + 0.3 * y[t - 1] + b * x[t - 1] + e[t]
  }
  keep <- (burn + 1):n
  rows[[i]] <- data.frame(id = i, year = 1980L + seq_len(periods), x = round(x[keep], 8), y = round(y[keep], 8))
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
