package cn.yunying.archive.application;

import java.io.Serializable;
import java.util.List;

/** What one orphan-file cleanup did: files looked at, files removed (relative paths, at most 100 listed). */
public record CleanupReport(long scanned, long orphansRemoved, long temporaryRemoved, long failures,
                           List<String> removed) implements Serializable {
}
