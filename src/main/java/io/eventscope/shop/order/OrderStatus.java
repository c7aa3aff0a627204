package io.eventscope.shop.order;

public enum OrderStatus { PENDING, PAID, SHIPPED, CANCELLED }
