/**
 * The few things every bounded context shares: the error-code contract, the domain exception that carries it,
 * and persistence converters. Nothing here knows about any one context.
 */
package cn.yunying.shared;
