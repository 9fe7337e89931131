package cn.yunying.dicom.net;

import java.io.IOException;
import java.io.InputStream;

/** Receives one stored object as a data set stream and returns the DIMSE status to answer with. */
@FunctionalInterface
public interface StoreHandler {
    int store(StoreRequest request, InputStream dataSet) throws IOException;
}
