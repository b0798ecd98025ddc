# hetfirm gnuplot template: groups of (x, y) points, one point style and key entry per group.
# GnuplotPlots.scatter fills the at-sign placeholders; the script runs with the output folder
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
set key below center horizontal Left reverse samplen 1 spacing 1.2 width 2 height 1.2
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set autoscale fix

# Colour-blind safe palette (Okabe and Ito), a different marker shape per group, drawn
# semi-transparent so that overlapping points stay visible.
set style line 1 linecolor rgb "#300072B2" pointtype 7 pointsize 1.3
set style line 2 linecolor rgb "#30D55E00" pointtype 5 pointsize 1.2
set style line 3 linecolor rgb "#30009E73" pointtype 9 pointsize 1.5
set style line 4 linecolor rgb "#30CC79A7" pointtype 11 pointsize 1.5
set style line 5 linecolor rgb "#30E69F00" pointtype 13 pointsize 1.4
set style line 6 linecolor rgb "#3056B4E9" pointtype 6 pointsize 1.3
set style line 7 linecolor rgb "#30000000" pointtype 4 pointsize 1.2
set style line 8 linecolor rgb "#30999999" pointtype 8 pointsize 1.5

plot @PLOTS@
