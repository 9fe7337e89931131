package cn.yunying.archive.application;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The portal's study search. Patient name and ID, accession number: text, with * and ? wildcards; a name without
 * wildcards is searched as "contains" and ignoring case. Dates inclusive; any field may be empty.
 */
public record StudySearch(String patientName, String patientId, String accessionNumber, LocalDate from, LocalDate to,
                          String modality) implements Serializable {
}
