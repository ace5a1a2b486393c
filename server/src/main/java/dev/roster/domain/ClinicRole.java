package dev.roster.domain;

import java.util.HashMap;
import java.util.Map;

/** A user's role in the clinic: Avara's 61 values (avara-v1.md Appendix A), exact and case-sensitive on the wire. */
public enum ClinicRole implements WireName {
    DOCTOR("Doctor"),
    PHYSICIAN("Physician"),
    SURGEON("Surgeon"),
    RADIOLOGIST("Radiologist"),
    CARDIOLOGIST("Cardiologist"),
    NEUROLOGIST("Neurologist"),
    UROLOGIST("Urologist"),
    GYNECOLOGIST("Gynecologist"),
    ENDOCRINOLOGIST("Endocrinologist"),
    ONCOLOGIST("Oncologist"),
    RADIATION_ONCOLOGIST("Radiation Oncologist"),
    HEMATOLOGIST("Hematologist"),
    GASTROENTEROLOGIST("Gastroenterologist"),
    PULMONOLOGIST("Pulmonologist"),
    NEPHROLOGIST("Nephrologist"),
    RHEUMATOLOGIST("Rheumatologist"),
    DERMATOLOGIST("Dermatologist"),
    OPHTHALMOLOGIST("Ophthalmologist"),
    OTOLARYNGOLOGIST("Otolaryngologist"),
    PEDIATRICIAN("Pediatrician"),
    OBSTETRICIAN("Obstetrician"),
    PSYCHIATRIST("Psychiatrist"),
    ANESTHESIOLOGIST("Anesthesiologist"),
    EMERGENCY_MEDICINE_PHYSICIAN("Emergency Medicine Physician"),
    FAMILY_MEDICINE_PHYSICIAN("Family Medicine Physician"),
    INTERNAL_MEDICINE_PHYSICIAN("Internal Medicine Physician"),
    PATHOLOGIST("Pathologist"),
    NUCLEAR_MEDICINE_PHYSICIAN("Nuclear Medicine Physician"),
    PAIN_MANAGEMENT_SPECIALIST("Pain Management Specialist"),
    INFECTIOUS_DISEASE_SPECIALIST("Infectious Disease Specialist"),
    IMMUNOLOGIST("Immunologist"),
    PHYSICIAN_ASSISTANT("Physician Assistant"),
    NURSE_PRACTITIONER("Nurse Practitioner"),
    CERTIFIED_REGISTERED_NURSE_ANESTHETIST("Certified Registered Nurse Anesthetist"),
    PSYCHOLOGIST("Psychologist"),
    MEDICAL_ASSISTANT("Medical Assistant"),
    SCRIBE("Scribe"),
    REGISTERED_NURSE("Registered Nurse"),
    NURSE_MANAGER("Nurse Manager"),
    PATIENT_CARE_COORDINATOR("Patient Care Coordinator"),
    IMAGING_TECHNOLOGIST("Imaging Technologist"),
    LABORATORY_TECHNICIAN("Laboratory Technician"),
    MEDICAL_LABORATORY_SCIENTIST("Medical Laboratory Scientist"),
    PATHOLOGISTS_ASSISTANT("Pathologists' Assistant"),
    PHLEBOTOMIST("Phlebotomist"),
    PHARMACIST("Pharmacist"),
    PHARMACY_TECHNICIAN("Pharmacy Technician"),
    PHYSICAL_THERAPIST("Physical Therapist"),
    OCCUPATIONAL_THERAPIST("Occupational Therapist"),
    SPEECH_LANGUAGE_PATHOLOGIST("Speech-Language Pathologist"),
    RESPIRATORY_THERAPIST("Respiratory Therapist"),
    NUTRITIONIST("Nutritionist"),
    FRONT_DESK_OPERATOR("Front Desk Operator"),
    REVENUE_CYCLE_MANAGER("Revenue Cycle Manager"),
    ADMINISTRATIVE_DIRECTOR("Administrative Director"),
    ADMINISTRATIVE_ASSISTANT("Administrative Assistant"),
    LEGAL_ADMINISTRATOR("Legal Administrator"),
    IT_ADMINISTRATOR("IT Administrator"),
    IT_SUPPORT("IT Support"),
    SOFTWARE_ENGINEER("Software Engineer"),
    OTHER("Other");

    private static final Map<String, ClinicRole> BY_WIRE = new HashMap<>();

    static {
        for (ClinicRole r : values()) {
            BY_WIRE.put(r.wire, r);
        }
    }

    private final String wire;

    ClinicRole(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static ClinicRole parse(String field, String value) {
        ClinicRole role = BY_WIRE.get(value);
        if (role == null) {
            throw DomainError.invalidField(field, "must be one of the " + values().length + " clinic roles, e.g. "
                    + "Radiologist or Other (exact spelling)");
        }
        return role;
    }
}
