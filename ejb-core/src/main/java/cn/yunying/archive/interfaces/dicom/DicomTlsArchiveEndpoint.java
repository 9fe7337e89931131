package cn.yunying.archive.interfaces.dicom;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The same archive on the DICOM TLS port (2762, the port the standard suggests for secure transport). It opens only
 * when a key store is configured (yunying.dicom.tls.keystore); with a trust store, client certificates are required.
 */
@MessageDriven(name = "DicomTlsArchiveEndpoint", activationConfig = {
        @ActivationConfigProperty(propertyName = "aeTitle", propertyValue = "YUNYING"),
        @ActivationConfigProperty(propertyName = "port", propertyValue = "2762"),
        @ActivationConfigProperty(propertyName = "tls", propertyValue = "true")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class DicomTlsArchiveEndpoint extends DicomArchiveEndpoint {
}
