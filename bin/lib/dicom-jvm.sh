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

# Class data sharing for the short-lived commands: the first run of a command archives the classes it loaded next to
# the jar (target/cds/), later runs map them instead of loading and verifying them again (about 60 ms less per run,
# docs/performance.md). Per command, because each loads other classes; per jar, because a rebuilt jar makes java
# ignore the archive (bin/dicom then writes a new one). DICOM_CDS=0 turns it off.
dicom_cds_archive() { # jar command
  case "${2:-}" in
    echo|send|find|move|get|dump|json|xml) ;;
    *) return 1 ;; # listen runs until killed (no exit to archive at); unknown commands only print usage
  esac
  # DICOM_JAVA_OPTS replaces the options: then run exactly as told
  [[ "${DICOM_CDS:-1}" != 0 && -z "${DICOM_JAVA_OPTS+set}" ]] || return 1
  echo "$(dirname "$1")/cds/$(basename "$1" .jar)-$2.jsa"
}
