# plm::pgrangertest on the benchmark CSV: prints "timing: reading X s, test Y s" and the statistics.
# Usage: Rscript plm_test.R DATA.csv LAGS
suppressPackageStartupMessages(library(plm))
args <- commandArgs(trailingOnly = TRUE)
lags <- as.integer(args[2])
start <- proc.time()[["elapsed"]]
data <- read.csv(args[1])
read_done <- proc.time()[["elapsed"]]
result <- pgrangertest(y ~ x, data = data, index = c("id", "year"), order = lags, test = "Ztilde")
test_done <- proc.time()[["elapsed"]]
cat(sprintf("timing: reading %.3f s, test %.3f s\n", read_done - start, test_done - read_done))
cat(sprintf("Wbar %.17g\nZtilde %.17g\nunits %d\n", mean(result$indgranger$Chisq), result$statistic, nrow(result$indgranger)))
