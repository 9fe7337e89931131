# JVM options of the dicom tool per command; sourced by bin/dicom and bin/bench-dicom, so that the benchmark runs the
# tool as users run it. DICOM_JAVA_OPTS, when set, replaces them.
#   listen: a server. Tiered compilation ends in C2 code, which needs ~40 % less CPU per received object than C1 code
#           once warm (measured with bin/bench-dicom's per-thread CPU, docs/performance.md).
#   others: short-lived. C1 only and the serial collector: no C2 compiler threads competing with the work on a small
#           machine (about 20 % less CPU for a 300-file send).
dicom_jvm_options() { # command
  if [[ -n "${DICOM_JAVA_OPTS+set}" ]]; then
    echo "$DICOM_JAVA_OPTS"
    return
  fi
  case "${1:-}" in
    listen) echo "" ;;
    *) echo "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
  esac
}
