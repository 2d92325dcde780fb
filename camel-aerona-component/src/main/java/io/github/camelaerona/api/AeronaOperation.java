package io.github.camelaerona.api;

/**
 * The Aerona operations, by the names the URI uses ({@code aerona:getPayment}) and the
 * {@code CamelAeronaOperation} header takes. {@code webhook} receives Aerona's webhooks and is for consumers only.
 */
public enum AeronaOperation {
    createAppointment,
    updateAppointmentStatus,
    findAppointmentSlots,
    getAppointmentTypes,
    getPayment,
    searchPayments,
    getInvoice,
    searchInvoices,
    getClinicians,
    getPatient,
    getPractices,
    webhook;
}
