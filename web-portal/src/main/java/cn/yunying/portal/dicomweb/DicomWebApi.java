package cn.yunying.portal.dicomweb;

import cn.yunying.portal.api.ApiExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The DICOMweb base URL (a public contract): http://host:8080/dicomweb, same authentication as /api. */
@ApplicationPath("/dicomweb")
public class DicomWebApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StudiesResource.class, WadoUriResource.class, ApiExceptionMapper.class);
    }
}
