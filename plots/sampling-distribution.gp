# hetfirm gnuplot template: Monte Carlo sampling distribution of one estimator.
# GnuplotPlots.samplingDistribution fills the at-sign placeholders; the script runs with the
# output folder as working directory and writes its image below plots/.
# Bars: replications per bin; solid line: truth; dashed line: mean estimate; curve: the
# normal density with mean = truth and sd = mean standard error, scaled to counts.
@TERMINAL@
set output "@OUTPUT@"
set encoding utf8

truth = @TRUTH@
meanEstimate = @MEAN_ESTIMATE@
meanStandardError = @MEAN_STANDARD_ERROR@
replications = @REPLICATIONS@
binWidth = @BIN_WIDTH@
normalCount(x) = replications * binWidth * exp(-0.5 * ((x - truth) / meanStandardError)**2) / (meanStandardError * sqrt(2 * pi))

set title "@TITLE@" font ",16"
set xlabel "@XLABEL@"
set ylabel "replications per bin"

set border 3 linewidth 1.2 linecolor rgb "#404040"
set tics nomirror out scale 0.8
set grid ytics back linetype 1 linewidth 1 linecolor rgb "#dedede"
set xrange [@X_MINIMUM@:@X_MAXIMUM@]
set yrange [0:*]
set offsets 0, 0, graph 0.30, 0
set samples 600
set key @KEY_POSITION@ vertical Left reverse samplen 4 spacing 1.25 opaque box linecolor rgb "#bbbbbb"

set style fill solid 0.75 border linecolor rgb "#5b6f86"
set boxwidth binWidth absolute

set arrow 1 from first truth, graph 0 to first truth, graph 1 nohead front linewidth 3 linecolor rgb "#000000"
set arrow 2 from first meanEstimate, graph 0 to first meanEstimate, graph 1 nohead front linewidth 3 dashtype (16,10) linecolor rgb "#D55E00"
set label 1 "@TRUTH_LABEL@" at first truth, graph 0.965 @TRUTH_LABEL_ALIGNMENT@ front

plot "@DATAFILE@" using 1:2 with boxes linecolor rgb "#a9bcd0" title "@HISTOGRAM_KEY@", \
     @NORMAL_CURVE@keyentry with lines linewidth 3 linecolor rgb "#000000" title "@TRUTH_LABEL@", \
     keyentry with lines linewidth 3 dashtype (16,10) linecolor rgb "#D55E00" title "@MEAN_KEY@"
