package cn.yunying.institution.application;

import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.RegisteredAe;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Entities to DTOs, with the AE titles of all the institutions fetched in one query. */
final class InstitutionViews {

    private InstitutionViews() {
    }

    static List<InstitutionView> of(List<Institution> institutions, JpaInstitutionRepository repository) {
        Map<Long, List<String>> aes = repository.aesOf(institutions.stream().map(Institution::getId).toList())
                .stream().collect(Collectors.groupingBy(RegisteredAe::getInstitutionId,
                        Collectors.mapping(RegisteredAe::getAeTitle, Collectors.toList())));
        return institutions.stream().map(i -> new InstitutionView(i.getId(), i.getCode(), i.getNameZh(),
                i.getNameEn(), i.getLevel().name(), i.getStatus().name(), aes.getOrDefault(i.getId(), List.of())))
                .toList();
    }

    static InstitutionView of(Institution institution, JpaInstitutionRepository repository) {
        return of(List.of(institution), repository).get(0);
    }
}
