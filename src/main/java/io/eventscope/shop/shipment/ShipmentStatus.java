package io.eventscope.shop.shipment;

public enum ShipmentStatus { SCHEDULED, CANCELLED }
