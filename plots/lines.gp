# hetfirm gnuplot template: one or more series drawn as lines against the first column.
# GnuplotPlots.lines fills the at-sign placeholders; the script runs with the output folder
# as working directory and writes its image below plots/.
@TERMINAL@
set output "@OUTPUT@"
set encoding utf8

set title "@TITLE@" font ",16"
set xlabel "@XLABEL@"
set ylabel "@YLABEL@"

set border 3 linewidth 1.2 linecolor rgb "#404040"
set tics nomirror out scale 0.8
set mxtics 2
set mytics 2
set grid xtics ytics back linetype 1 linewidth 1 linecolor rgb "#dedede", linetype 1 linewidth 1 linecolor rgb "#dedede"
set key below center horizontal Left reverse samplen 4 spacing 1.2 width 2 height 1.2
set offsets graph 0.02, graph 0.02, graph 0.05, graph 0.05
set autoscale fix
@YRANGE@

# Colour-blind safe palette (Okabe and Ito), thick lines.
set style line 1 linecolor rgb "#0072B2" linewidth 3 pointtype 7 pointsize 1.1
set style line 2 linecolor rgb "#D55E00" linewidth 3 pointtype 5 pointsize 1.1 dashtype 2
set style line 3 linecolor rgb "#009E73" linewidth 3 pointtype 9 pointsize 1.2 dashtype 3
set style line 4 linecolor rgb "#CC79A7" linewidth 3 pointtype 11 pointsize 1.2 dashtype 4
set style line 5 linecolor rgb "#E69F00" linewidth 3 pointtype 13 pointsize 1.2 dashtype 5
set style line 6 linecolor rgb "#56B4E9" linewidth 3 pointtype 7 pointsize 1.1 dashtype 1
set style line 7 linecolor rgb "#000000" linewidth 3 pointtype 5 pointsize 1.1 dashtype 2
set style line 8 linecolor rgb "#999999" linewidth 3 pointtype 9 pointsize 1.2 dashtype 3

plot @PLOTS@
