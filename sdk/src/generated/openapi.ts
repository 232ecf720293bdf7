// Generated from Switchboard's OpenAPI document (the native API) by `npm run sdk:generate`: do not edit.
// CI fails when this file differs from what the server describes (test/sdk-generated.test.ts).
/* eslint-disable */

export interface paths {
    "/v1/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List phone numbers */
        get: operations["listPhoneNumbers"];
        put?: never;
        /** Add a phone number to the workspace */
        post: operations["createPhoneNumber"];
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change up to 10000 phone numbers; per-item errors
         * @description Valid items of a non-atomic batch are written together in one transaction; failed items are listed with their index, a code and field-level details. An atomic batch with any failed item answers 422 and writes nothing.
         */
        patch: operations["bulkUpdatePhoneNumbers"];
        trace?: never;
    };
    "/v1/phone-numbers/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a phone number by id or by number */
        get: operations["getPhoneNumber"];
        put?: never;
        post?: never;
        /**
         * Release a phone number: it leaves the workspace and can be added again
         * @description Answers 200 with the object as it was at deletion, as every DELETE of the native API does.
         */
        delete: operations["releasePhoneNumber"];
        options?: never;
        head?: never;
        /** Change a phone number (JSON merge patch: absent = unchanged, null = cleared) */
        patch: operations["updatePhoneNumber"];
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agents */
        get: operations["listAgents"];
        put?: never;
        /** Create a agent */
        post: operations["createAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a agent */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        /**
         * Delete a agent
         * @description 409 (code in_use) while phone numbers route to it, unless detach=true. Answers 200 with the object as it was at deletion, as every DELETE of the native API does.
         */
        delete: operations["deleteAgent"];
        options?: never;
        head?: never;
        /** Change a agent (merge patch) */
        patch: operations["updateAgent"];
        trace?: never;
    };
    "/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List workflows */
        get: operations["listWorkflows"];
        put?: never;
        /** Create a workflow */
        post: operations["createWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a workflow */
        get: operations["getWorkflow"];
        put?: never;
        post?: never;
        /**
         * Delete a workflow
         * @description 409 (code in_use) while phone numbers route to it, unless detach=true. Answers 200 with the object as it was at deletion, as every DELETE of the native API does.
         */
        delete: operations["deleteWorkflow"];
        options?: never;
        head?: never;
        /** Change a workflow (merge patch) */
        patch: operations["updateWorkflow"];
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: the workspace, user and key behind this API key
         * @description How a client learns the ids the vendor-compatible APIs ask for (workspaceId, userId, project id).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (prefix, scopes, last use; never the secret) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key (the secret is shown once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key: this server refuses it at once, others within SWITCHBOARD_API_KEY_CACHE_TTL
         * @description Answers 200 with the object as it was at deletion, as every DELETE of the native API does.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log: every change, newest first (order=asc: oldest first)
         * @description In the order the changes were written. since/until select a time window [since, until).
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one audit event, with its webhook deliveries */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every workspace of the deployment (operator scope) */
        get: operations["listWorkspaces"];
        put?: never;
        /** Create a workspace with its first user and admin key (operator scope) */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Create a webhook endpoint (its signing secret is shown once) */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Answers 200 with the object as it was at deletion, as every DELETE of the native API does.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint (merge patch) */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret (the new one is shown once)
         * @description The previous secret keeps signing beside the new one for overlap_seconds (default a day), so receivers can switch without losing deliveries.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an endpoint's deliveries, newest first (order=asc: oldest first)
         * @description since/until select the deliveries created in [since, until).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery with every attempt */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, with a fresh retry schedule */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a signed test event now and report the answer
         * @description The event has type webhook_endpoint.test; the endpoint's event types and filter do not apply, it is sent to a disabled endpoint too (to check a receiver before enabling it), and nothing is retried or recorded.
         */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send again every event since a time that the endpoint subscribes to
         * @description Deliveries that exist are made pending again (same webhook-id, fresh retry schedule); events the endpoint never got (it was disabled, or created later) get a delivery now.
         */
        post: operations["replayWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event types webhook endpoints can subscribe to */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * NotReady
         * @description Not ready: the database does not answer, or requests are being shed.
         */
        NotReady: {
            status: string;
            database: string;
            /** @description "overloaded" while requests are shed (SWITCHBOARD_MAX_EVENT_LOOP_DELAY) */
            load?: string;
        };
        /** Error */
        Error: {
            error: {
                /** @description Stable, machine-readable: invalid_request, validation_failed, not_found … */
                code: string;
                message: string;
                request_id: string;
                details?: {
                    field: string;
                    message: string;
                }[];
            };
        };
        /** BulkUpdateError */
        BulkUpdateError: {
            error: {
                /** @description Stable, machine-readable: invalid_request, validation_failed, not_found … */
                code: string;
                message: string;
                request_id: string;
                details?: {
                    field: string;
                    message: string;
                }[];
            };
        } & {
            /** @description Per-item errors of an atomic batch; absent for other 422s such as idempotency_key_reused. */
            errors?: {
                index: number;
                id: string | null;
                number: string | null;
                code: string;
                message: string;
                details: {
                    field: string;
                    message: string;
                }[];
            }[];
        };
        /** FreyaError */
        FreyaError: {
            /** @enum {boolean} */
            success: false;
            error: {
                /** @description invalid_request, unauthorized, forbidden, not_found, conflict, payload_too_large, validation_failed … */
                code: string;
                message: string;
                /** @description Field-level problems, in Freya field names; may be empty. */
                details: {
                    field: string;
                    message: string;
                }[];
            };
        };
        /** VoiceOSHTTPError */
        VoiceOSHTTPError: {
            detail: string;
        };
        /** VoiceOSHTTPValidationError */
        VoiceOSHTTPValidationError: {
            detail: {
                loc: (string | number)[];
                msg: string;
                type: string;
            }[];
        };
        /** VocodeError */
        VocodeError: {
            detail: string;
        };
        /** VocodeHTTPValidationError */
        VocodeHTTPValidationError: {
            detail: {
                loc: (string | number)[];
                msg: string;
                type: string;
            }[];
        };
        /** SignalWireError */
        SignalWireError: {
            error: string;
        };
        /** SignalWireValidationError */
        SignalWireValidationError: {
            errors: {
                /** @description Names the field: "call_request_url is required when call_handler is …". */
                detail: string;
                status: string;
                title: string;
                code: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPhoneNumbers: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAz
                 */
                cursor?: string;
                /**
                 * @description Numbers that start with this: +1415 (sent unencoded, the + arrives as a space, which is read as +) or the digits 1415.
                 * @example +1415
                 */
                number_prefix?: string;
                /**
                 * @description ISO 3166-1 alpha-2, any case; a code no number can have is 400.
                 * @example US
                 */
                country?: string;
                /**
                 * @description Routed to this agent, inbound or outbound.
                 * @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04
                 */
                agent_id?: string;
                /**
                 * @description Routed to this workflow, inbound or outbound.
                 * @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d05
                 */
                workflow_id?: string;
                /** @example voice */
                capability?: "voice" | "sms" | "mms" | "fax";
                /** @example true */
                active?: boolean;
                /**
                 * @description Text in the friendly name (any case), or part of the number: search=5551234 and search=555-1234 both find +14155551234.
                 * @example support
                 */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            /** @description Canonical E.164. */
                            number: string;
                            friendly_name: string | null;
                            country_code: string | null;
                            /** @description Derived from the number: toll_free, mobile, fixed_line, fixed_line_or_mobile, voip, … or unknown. */
                            number_type: string;
                            capabilities: {
                                voice: boolean;
                                sms: boolean;
                                mms: boolean;
                                fax: boolean;
                            };
                            voice_capability_label: string | null;
                            active: boolean;
                            outbound_only: boolean;
                            emergency_calling: {
                                enabled: boolean;
                                address_id: string | null;
                            };
                            created_by_user_id: string | null;
                            voice_config: string | null;
                            messaging_config: string | null;
                            inbound_target: ("agent" | "workflow" | "handler") | null;
                            inbound_agent_id: string | null;
                            inbound_workflow_id: string | null;
                            outbound_agent_id: string | null;
                            outbound_workflow_id: string | null;
                            call_handler: {
                                type: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                                /**
                                 * @description Receive inbound calls as voice or fax.
                                 * @enum {string}
                                 */
                                receive_mode: "voice" | "fax";
                                request_url: string | null;
                                request_method: ("GET" | "POST") | null;
                                fallback_url: string | null;
                                fallback_method: ("GET" | "POST") | null;
                                status_callback_url: string | null;
                                status_callback_method: ("GET" | "POST") | null;
                                laml_application_id: string | null;
                                dialogflow_agent_id: string | null;
                                relay_topic: string | null;
                                relay_topic_status_callback_url: string | null;
                                relay_script_url: string | null;
                                relay_context: string | null;
                                relay_context_status_callback_url: string | null;
                                relay_application: string | null;
                                relay_connector_id: string | null;
                                sip_endpoint_id: string | null;
                                verto_resource: string | null;
                                video_room_id: string | null;
                            };
                            message_handler: {
                                type: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                                request_url: string | null;
                                request_method: ("GET" | "POST") | null;
                                fallback_url: string | null;
                                fallback_method: ("GET" | "POST") | null;
                                laml_application_id: string | null;
                                relay_topic: string | null;
                                relay_context: string | null;
                                relay_application: string | null;
                            };
                            sip_inbound: {
                                enabled: boolean;
                                origination_uri: string | null;
                            };
                            sip_outbound: {
                                enabled: boolean;
                                endpoint: string | null;
                                port: number | null;
                                username: string | null;
                                from_domain: string | null;
                                /** @enum {string} */
                                transport: "UDP" | "TCP" | "TLS";
                                /** @description SRTP. */
                                secure_media: boolean;
                                /** @description Custom SIP headers added to outbound calls. */
                                headers: {
                                    /** @description An RFC 7230 token. */
                                    name: string;
                                    /** @description No CR or LF. */
                                    value: string;
                                }[];
                                password_set: boolean;
                            };
                            telephony: {
                                provider: string | null;
                                phone_number_sid: string | null;
                                account_sid: string | null;
                                auth_token_set: boolean;
                            };
                            example_context: {
                                [key: string]: string;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Increases by one on every change; also the ETag. */
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            released_at: string | null;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "number": "+14155550199",
                 *       "friendly_name": "Support line",
                 *       "inbound_agent_id": "0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04",
                 *       "outbound_agent_id": "0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04",
                 *       "labels": {
                 *         "team": "support"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description E.164, or any format libphonenumber understands with a leading +. */
                    number: string;
                    /**
                     * Format: uuid
                     * @description Defaults to the API key's user.
                     */
                    created_by_user_id?: string;
                    friendly_name?: string | null;
                    capabilities?: {
                        voice?: boolean | null;
                        sms?: boolean | null;
                        mms?: boolean | null;
                        fax?: boolean | null;
                    } | null;
                    voice_capability_label?: string | null;
                    active?: boolean | null;
                    outbound_only?: boolean | null;
                    emergency_calling?: {
                        enabled?: boolean | null;
                        address_id?: string | null;
                    } | null;
                    voice_config?: string | null;
                    messaging_config?: string | null;
                    inbound_target?: ("agent" | "workflow" | "handler") | null;
                    inbound_agent_id?: string | null;
                    inbound_workflow_id?: string | null;
                    outbound_agent_id?: string | null;
                    outbound_workflow_id?: string | null;
                    call_handler?: {
                        type?: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                        receive_mode?: ("voice" | "fax") | null;
                        request_url?: string | null;
                        request_method?: ("GET" | "POST") | null;
                        fallback_url?: string | null;
                        fallback_method?: ("GET" | "POST") | null;
                        status_callback_url?: string | null;
                        status_callback_method?: ("GET" | "POST") | null;
                        laml_application_id?: string | null;
                        dialogflow_agent_id?: string | null;
                        relay_topic?: string | null;
                        relay_topic_status_callback_url?: string | null;
                        relay_script_url?: string | null;
                        relay_context?: string | null;
                        relay_context_status_callback_url?: string | null;
                        relay_application?: string | null;
                        relay_connector_id?: string | null;
                        sip_endpoint_id?: string | null;
                        verto_resource?: string | null;
                        video_room_id?: string | null;
                    } | null;
                    message_handler?: {
                        type?: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                        request_url?: string | null;
                        request_method?: ("GET" | "POST") | null;
                        fallback_url?: string | null;
                        fallback_method?: ("GET" | "POST") | null;
                        laml_application_id?: string | null;
                        relay_topic?: string | null;
                        relay_context?: string | null;
                        relay_application?: string | null;
                    } | null;
                    sip_inbound?: {
                        enabled?: boolean | null;
                        origination_uri?: string | null;
                    } | null;
                    sip_outbound?: {
                        enabled?: boolean | null;
                        endpoint?: string | null;
                        port?: number | null;
                        username?: string | null;
                        from_domain?: string | null;
                        transport?: ("UDP" | "TCP" | "TLS") | null;
                        secure_media?: boolean | null;
                        headers?: {
                            /** @description An RFC 7230 token. */
                            name: string;
                            /** @description No CR or LF. */
                            value: string;
                        }[] | null;
                        password?: string | null;
                    } | null;
                    telephony?: {
                        provider?: string | null;
                        phone_number_sid?: string | null;
                        account_sid?: string | null;
                        auth_token?: string | null;
                    } | null;
                    example_context?: {
                        [key: string]: string | null;
                    } | null;
                    labels?: {
                        [key: string]: string | null;
                    } | null;
                    metadata?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description Canonical E.164. */
                        number: string;
                        friendly_name: string | null;
                        country_code: string | null;
                        /** @description Derived from the number: toll_free, mobile, fixed_line, fixed_line_or_mobile, voip, … or unknown. */
                        number_type: string;
                        capabilities: {
                            voice: boolean;
                            sms: boolean;
                            mms: boolean;
                            fax: boolean;
                        };
                        voice_capability_label: string | null;
                        active: boolean;
                        outbound_only: boolean;
                        emergency_calling: {
                            enabled: boolean;
                            address_id: string | null;
                        };
                        created_by_user_id: string | null;
                        voice_config: string | null;
                        messaging_config: string | null;
                        inbound_target: ("agent" | "workflow" | "handler") | null;
                        inbound_agent_id: string | null;
                        inbound_workflow_id: string | null;
                        outbound_agent_id: string | null;
                        outbound_workflow_id: string | null;
                        call_handler: {
                            type: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                            /**
                             * @description Receive inbound calls as voice or fax.
                             * @enum {string}
                             */
                            receive_mode: "voice" | "fax";
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            status_callback_url: string | null;
                            status_callback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            dialogflow_agent_id: string | null;
                            relay_topic: string | null;
                            relay_topic_status_callback_url: string | null;
                            relay_script_url: string | null;
                            relay_context: string | null;
                            relay_context_status_callback_url: string | null;
                            relay_application: string | null;
                            relay_connector_id: string | null;
                            sip_endpoint_id: string | null;
                            verto_resource: string | null;
                            video_room_id: string | null;
                        };
                        message_handler: {
                            type: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            relay_topic: string | null;
                            relay_context: string | null;
                            relay_application: string | null;
                        };
                        sip_inbound: {
                            enabled: boolean;
                            origination_uri: string | null;
                        };
                        sip_outbound: {
                            enabled: boolean;
                            endpoint: string | null;
                            port: number | null;
                            username: string | null;
                            from_domain: string | null;
                            /** @enum {string} */
                            transport: "UDP" | "TCP" | "TLS";
                            /** @description SRTP. */
                            secure_media: boolean;
                            /** @description Custom SIP headers added to outbound calls. */
                            headers: {
                                /** @description An RFC 7230 token. */
                                name: string;
                                /** @description No CR or LF. */
                                value: string;
                            }[];
                            password_set: boolean;
                        };
                        telephony: {
                            provider: string | null;
                            phone_number_sid: string | null;
                            account_sid: string | null;
                            auth_token_set: boolean;
                        };
                        example_context: {
                            [key: string]: string;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Increases by one on every change; also the ETag. */
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        released_at: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkUpdatePhoneNumbers: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "id": "0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d03",
                 *           "friendly_name": "Support line (EU)",
                 *           "inbound_agent_id": "0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04"
                 *         }
                 *       ],
                 *       "atomic": false,
                 *       "dry_run": false
                 *     }
                 */
                "application/json": {
                    /** @description At most 10000 items. */
                    items: unknown[];
                    /**
                     * @description All or nothing: if any item fails, nothing is written.
                     * @default false
                     */
                    atomic?: boolean;
                    /**
                     * @description Validate and report; write nothing.
                     * @default false
                     */
                    dry_run?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        updated: {
                            index: number;
                            id: string;
                            number: string;
                            version: number;
                        }[];
                        errors: {
                            index: number;
                            id: string | null;
                            number: string | null;
                            code: string;
                            message: string;
                            details: {
                                field: string;
                                message: string;
                            }[];
                        }[];
                        /** @description False for a dry run, or an atomic batch with errors. */
                        written: boolean;
                        dry_run: boolean;
                        atomic: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkUpdateError"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you hold ("3", or a list, or *): if the object is still at that version the answer is 304 with no body (weak comparison). Not a list of ETags: 400.
                 * @example "0"
                 */
                "if-none-match"?: string;
            };
            path: {
                /**
                 * @description The number's id, or the number itself: E.164 (+14155551234, %2B14155551234) or its digits alone (14155551234).
                 * @example +14155550123
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description Canonical E.164. */
                        number: string;
                        friendly_name: string | null;
                        country_code: string | null;
                        /** @description Derived from the number: toll_free, mobile, fixed_line, fixed_line_or_mobile, voip, … or unknown. */
                        number_type: string;
                        capabilities: {
                            voice: boolean;
                            sms: boolean;
                            mms: boolean;
                            fax: boolean;
                        };
                        voice_capability_label: string | null;
                        active: boolean;
                        outbound_only: boolean;
                        emergency_calling: {
                            enabled: boolean;
                            address_id: string | null;
                        };
                        created_by_user_id: string | null;
                        voice_config: string | null;
                        messaging_config: string | null;
                        inbound_target: ("agent" | "workflow" | "handler") | null;
                        inbound_agent_id: string | null;
                        inbound_workflow_id: string | null;
                        outbound_agent_id: string | null;
                        outbound_workflow_id: string | null;
                        call_handler: {
                            type: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                            /**
                             * @description Receive inbound calls as voice or fax.
                             * @enum {string}
                             */
                            receive_mode: "voice" | "fax";
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            status_callback_url: string | null;
                            status_callback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            dialogflow_agent_id: string | null;
                            relay_topic: string | null;
                            relay_topic_status_callback_url: string | null;
                            relay_script_url: string | null;
                            relay_context: string | null;
                            relay_context_status_callback_url: string | null;
                            relay_application: string | null;
                            relay_connector_id: string | null;
                            sip_endpoint_id: string | null;
                            verto_resource: string | null;
                            video_room_id: string | null;
                        };
                        message_handler: {
                            type: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            relay_topic: string | null;
                            relay_context: string | null;
                            relay_application: string | null;
                        };
                        sip_inbound: {
                            enabled: boolean;
                            origination_uri: string | null;
                        };
                        sip_outbound: {
                            enabled: boolean;
                            endpoint: string | null;
                            port: number | null;
                            username: string | null;
                            from_domain: string | null;
                            /** @enum {string} */
                            transport: "UDP" | "TCP" | "TLS";
                            /** @description SRTP. */
                            secure_media: boolean;
                            /** @description Custom SIP headers added to outbound calls. */
                            headers: {
                                /** @description An RFC 7230 token. */
                                name: string;
                                /** @description No CR or LF. */
                                value: string;
                            }[];
                            password_set: boolean;
                        };
                        telephony: {
                            provider: string | null;
                            phone_number_sid: string | null;
                            account_sid: string | null;
                            auth_token_set: boolean;
                        };
                        example_context: {
                            [key: string]: string;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Increases by one on every change; also the ETag. */
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        released_at: string | null;
                    };
                };
            };
            /** @description Not modified: the object is still at the version If-None-Match names (ETag header, no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    releasePhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description The number's id, or the number itself: E.164 (+14155551234, %2B14155551234) or its digits alone (14155551234).
                 * @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d03
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description Canonical E.164. */
                        number: string;
                        friendly_name: string | null;
                        country_code: string | null;
                        /** @description Derived from the number: toll_free, mobile, fixed_line, fixed_line_or_mobile, voip, … or unknown. */
                        number_type: string;
                        capabilities: {
                            voice: boolean;
                            sms: boolean;
                            mms: boolean;
                            fax: boolean;
                        };
                        voice_capability_label: string | null;
                        active: boolean;
                        outbound_only: boolean;
                        emergency_calling: {
                            enabled: boolean;
                            address_id: string | null;
                        };
                        created_by_user_id: string | null;
                        voice_config: string | null;
                        messaging_config: string | null;
                        inbound_target: ("agent" | "workflow" | "handler") | null;
                        inbound_agent_id: string | null;
                        inbound_workflow_id: string | null;
                        outbound_agent_id: string | null;
                        outbound_workflow_id: string | null;
                        call_handler: {
                            type: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                            /**
                             * @description Receive inbound calls as voice or fax.
                             * @enum {string}
                             */
                            receive_mode: "voice" | "fax";
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            status_callback_url: string | null;
                            status_callback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            dialogflow_agent_id: string | null;
                            relay_topic: string | null;
                            relay_topic_status_callback_url: string | null;
                            relay_script_url: string | null;
                            relay_context: string | null;
                            relay_context_status_callback_url: string | null;
                            relay_application: string | null;
                            relay_connector_id: string | null;
                            sip_endpoint_id: string | null;
                            verto_resource: string | null;
                            video_room_id: string | null;
                        };
                        message_handler: {
                            type: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            relay_topic: string | null;
                            relay_context: string | null;
                            relay_application: string | null;
                        };
                        sip_inbound: {
                            enabled: boolean;
                            origination_uri: string | null;
                        };
                        sip_outbound: {
                            enabled: boolean;
                            endpoint: string | null;
                            port: number | null;
                            username: string | null;
                            from_domain: string | null;
                            /** @enum {string} */
                            transport: "UDP" | "TCP" | "TLS";
                            /** @description SRTP. */
                            secure_media: boolean;
                            /** @description Custom SIP headers added to outbound calls. */
                            headers: {
                                /** @description An RFC 7230 token. */
                                name: string;
                                /** @description No CR or LF. */
                                value: string;
                            }[];
                            password_set: boolean;
                        };
                        telephony: {
                            provider: string | null;
                            phone_number_sid: string | null;
                            account_sid: string | null;
                            auth_token_set: boolean;
                        };
                        example_context: {
                            [key: string]: string;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Increases by one on every change; also the ETag. */
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        released_at: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description The number's id, or the number itself: E.164 (+14155551234, %2B14155551234) or its digits alone (14155551234).
                 * @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d03
                 */
                ref: string;
            };
            cookie?: never;
        };
        /** @description Phone number fields to write. Absent = unchanged, null = cleared. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "friendly_name": "Support line",
                 *       "inbound_agent_id": "0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04"
                 *     }
                 */
                "application/json": {
                    friendly_name?: string | null;
                    capabilities?: {
                        voice?: boolean | null;
                        sms?: boolean | null;
                        mms?: boolean | null;
                        fax?: boolean | null;
                    } | null;
                    voice_capability_label?: string | null;
                    active?: boolean | null;
                    outbound_only?: boolean | null;
                    emergency_calling?: {
                        enabled?: boolean | null;
                        address_id?: string | null;
                    } | null;
                    voice_config?: string | null;
                    messaging_config?: string | null;
                    inbound_target?: ("agent" | "workflow" | "handler") | null;
                    inbound_agent_id?: string | null;
                    inbound_workflow_id?: string | null;
                    outbound_agent_id?: string | null;
                    outbound_workflow_id?: string | null;
                    call_handler?: {
                        type?: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                        receive_mode?: ("voice" | "fax") | null;
                        request_url?: string | null;
                        request_method?: ("GET" | "POST") | null;
                        fallback_url?: string | null;
                        fallback_method?: ("GET" | "POST") | null;
                        status_callback_url?: string | null;
                        status_callback_method?: ("GET" | "POST") | null;
                        laml_application_id?: string | null;
                        dialogflow_agent_id?: string | null;
                        relay_topic?: string | null;
                        relay_topic_status_callback_url?: string | null;
                        relay_script_url?: string | null;
                        relay_context?: string | null;
                        relay_context_status_callback_url?: string | null;
                        relay_application?: string | null;
                        relay_connector_id?: string | null;
                        sip_endpoint_id?: string | null;
                        verto_resource?: string | null;
                        video_room_id?: string | null;
                    } | null;
                    message_handler?: {
                        type?: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                        request_url?: string | null;
                        request_method?: ("GET" | "POST") | null;
                        fallback_url?: string | null;
                        fallback_method?: ("GET" | "POST") | null;
                        laml_application_id?: string | null;
                        relay_topic?: string | null;
                        relay_context?: string | null;
                        relay_application?: string | null;
                    } | null;
                    sip_inbound?: {
                        enabled?: boolean | null;
                        origination_uri?: string | null;
                    } | null;
                    sip_outbound?: {
                        enabled?: boolean | null;
                        endpoint?: string | null;
                        port?: number | null;
                        username?: string | null;
                        from_domain?: string | null;
                        transport?: ("UDP" | "TCP" | "TLS") | null;
                        secure_media?: boolean | null;
                        headers?: {
                            /** @description An RFC 7230 token. */
                            name: string;
                            /** @description No CR or LF. */
                            value: string;
                        }[] | null;
                        password?: string | null;
                    } | null;
                    telephony?: {
                        provider?: string | null;
                        phone_number_sid?: string | null;
                        account_sid?: string | null;
                        auth_token?: string | null;
                    } | null;
                    example_context?: {
                        [key: string]: string | null;
                    } | null;
                    labels?: {
                        [key: string]: string | null;
                    } | null;
                    metadata?: {
                        [key: string]: unknown;
                    } | null;
                };
                /**
                 * @example {
                 *       "friendly_name": "Support line",
                 *       "inbound_agent_id": "0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04"
                 *     }
                 */
                "application/merge-patch+json": {
                    friendly_name?: string | null;
                    capabilities?: {
                        voice?: boolean | null;
                        sms?: boolean | null;
                        mms?: boolean | null;
                        fax?: boolean | null;
                    } | null;
                    voice_capability_label?: string | null;
                    active?: boolean | null;
                    outbound_only?: boolean | null;
                    emergency_calling?: {
                        enabled?: boolean | null;
                        address_id?: string | null;
                    } | null;
                    voice_config?: string | null;
                    messaging_config?: string | null;
                    inbound_target?: ("agent" | "workflow" | "handler") | null;
                    inbound_agent_id?: string | null;
                    inbound_workflow_id?: string | null;
                    outbound_agent_id?: string | null;
                    outbound_workflow_id?: string | null;
                    call_handler?: {
                        type?: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                        receive_mode?: ("voice" | "fax") | null;
                        request_url?: string | null;
                        request_method?: ("GET" | "POST") | null;
                        fallback_url?: string | null;
                        fallback_method?: ("GET" | "POST") | null;
                        status_callback_url?: string | null;
                        status_callback_method?: ("GET" | "POST") | null;
                        laml_application_id?: string | null;
                        dialogflow_agent_id?: string | null;
                        relay_topic?: string | null;
                        relay_topic_status_callback_url?: string | null;
                        relay_script_url?: string | null;
                        relay_context?: string | null;
                        relay_context_status_callback_url?: string | null;
                        relay_application?: string | null;
                        relay_connector_id?: string | null;
                        sip_endpoint_id?: string | null;
                        verto_resource?: string | null;
                        video_room_id?: string | null;
                    } | null;
                    message_handler?: {
                        type?: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                        request_url?: string | null;
                        request_method?: ("GET" | "POST") | null;
                        fallback_url?: string | null;
                        fallback_method?: ("GET" | "POST") | null;
                        laml_application_id?: string | null;
                        relay_topic?: string | null;
                        relay_context?: string | null;
                        relay_application?: string | null;
                    } | null;
                    sip_inbound?: {
                        enabled?: boolean | null;
                        origination_uri?: string | null;
                    } | null;
                    sip_outbound?: {
                        enabled?: boolean | null;
                        endpoint?: string | null;
                        port?: number | null;
                        username?: string | null;
                        from_domain?: string | null;
                        transport?: ("UDP" | "TCP" | "TLS") | null;
                        secure_media?: boolean | null;
                        headers?: {
                            /** @description An RFC 7230 token. */
                            name: string;
                            /** @description No CR or LF. */
                            value: string;
                        }[] | null;
                        password?: string | null;
                    } | null;
                    telephony?: {
                        provider?: string | null;
                        phone_number_sid?: string | null;
                        account_sid?: string | null;
                        auth_token?: string | null;
                    } | null;
                    example_context?: {
                        [key: string]: string | null;
                    } | null;
                    labels?: {
                        [key: string]: string | null;
                    } | null;
                    metadata?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description Canonical E.164. */
                        number: string;
                        friendly_name: string | null;
                        country_code: string | null;
                        /** @description Derived from the number: toll_free, mobile, fixed_line, fixed_line_or_mobile, voip, … or unknown. */
                        number_type: string;
                        capabilities: {
                            voice: boolean;
                            sms: boolean;
                            mms: boolean;
                            fax: boolean;
                        };
                        voice_capability_label: string | null;
                        active: boolean;
                        outbound_only: boolean;
                        emergency_calling: {
                            enabled: boolean;
                            address_id: string | null;
                        };
                        created_by_user_id: string | null;
                        voice_config: string | null;
                        messaging_config: string | null;
                        inbound_target: ("agent" | "workflow" | "handler") | null;
                        inbound_agent_id: string | null;
                        inbound_workflow_id: string | null;
                        outbound_agent_id: string | null;
                        outbound_workflow_id: string | null;
                        call_handler: {
                            type: ("laml_webhooks" | "laml_application" | "dialogflow" | "relay_topic" | "relay_script" | "relay_context" | "relay_application" | "relay_connector" | "relay_sip_endpoint" | "relay_verto_endpoint" | "video_room") | null;
                            /**
                             * @description Receive inbound calls as voice or fax.
                             * @enum {string}
                             */
                            receive_mode: "voice" | "fax";
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            status_callback_url: string | null;
                            status_callback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            dialogflow_agent_id: string | null;
                            relay_topic: string | null;
                            relay_topic_status_callback_url: string | null;
                            relay_script_url: string | null;
                            relay_context: string | null;
                            relay_context_status_callback_url: string | null;
                            relay_application: string | null;
                            relay_connector_id: string | null;
                            sip_endpoint_id: string | null;
                            verto_resource: string | null;
                            video_room_id: string | null;
                        };
                        message_handler: {
                            type: ("laml_webhooks" | "laml_application" | "relay_topic" | "relay_context" | "relay_application") | null;
                            request_url: string | null;
                            request_method: ("GET" | "POST") | null;
                            fallback_url: string | null;
                            fallback_method: ("GET" | "POST") | null;
                            laml_application_id: string | null;
                            relay_topic: string | null;
                            relay_context: string | null;
                            relay_application: string | null;
                        };
                        sip_inbound: {
                            enabled: boolean;
                            origination_uri: string | null;
                        };
                        sip_outbound: {
                            enabled: boolean;
                            endpoint: string | null;
                            port: number | null;
                            username: string | null;
                            from_domain: string | null;
                            /** @enum {string} */
                            transport: "UDP" | "TCP" | "TLS";
                            /** @description SRTP. */
                            secure_media: boolean;
                            /** @description Custom SIP headers added to outbound calls. */
                            headers: {
                                /** @description An RFC 7230 token. */
                                name: string;
                                /** @description No CR or LF. */
                                value: string;
                            }[];
                            password_set: boolean;
                        };
                        telephony: {
                            provider: string | null;
                            phone_number_sid: string | null;
                            account_sid: string | null;
                            auth_token_set: boolean;
                        };
                        example_context: {
                            [key: string]: string;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Increases by one on every change; also the ETag. */
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        released_at: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAz
                 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            user_id: string | null;
                            name: string;
                            prompt: string | null;
                            initial_message: string | null;
                            /** @description BCP 47 tag such as en or en-US. */
                            language: string;
                            voice: ({
                                /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                                type: string;
                                voice_name?: string;
                                voice_id?: string;
                                pitch?: number;
                                rate?: number;
                            } & {
                                [key: string]: string | number | boolean | null;
                            }) | null;
                            actions: {
                                /** Format: uuid */
                                id: string;
                                type: string;
                                config: {
                                    [key: string]: unknown;
                                };
                                trigger?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description Absent when the API key lacks the webhooks:read scope; null when the agent has no webhook. */
                            webhook?: {
                                /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                                url: string;
                                /**
                                 * @description HTTP method of the delivery; POST when absent.
                                 * @enum {string}
                                 */
                                method?: "GET" | "POST" | "PUT" | "PATCH";
                                /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                                subscriptions?: string[];
                            } | null;
                            endpoint: {
                                /** @enum {string} */
                                type: "websocket" | "sip";
                                /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                                url: string;
                            } | null;
                            /** @description Further conversation settings, kept as sent (interrupt sensitivity, speed …). */
                            settings: {
                                [key: string]: unknown;
                            };
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAgent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A new agent. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Support agent",
                 *       "prompt": "You answer support calls for Acme. Be brief.",
                 *       "initial_message": "Hi, this is Acme support.",
                 *       "language": "en-US"
                 *     }
                 */
                "application/json": {
                    name: string;
                    prompt?: (string | null) | null;
                    initial_message?: (string | null) | null;
                    language?: string | null;
                    voice?: (({
                        /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                        type: string;
                        voice_name?: string;
                        voice_id?: string;
                        pitch?: number;
                        rate?: number;
                    } & {
                        [key: string]: string | number | boolean | null;
                    }) | null) | null;
                    actions?: {
                        /** @description Such as action_transfer_call or action_end_conversation. */
                        type: string;
                        config?: {
                            [key: string]: unknown;
                        };
                        trigger?: {
                            [key: string]: unknown;
                        } | null;
                    }[] | null;
                    webhook?: ({
                        /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery; POST when absent.
                         * @enum {string}
                         */
                        method?: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                        subscriptions?: string[];
                    } | null) | null;
                    endpoint?: ({
                        /** @enum {string} */
                        type: "websocket" | "sip";
                        /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                        url: string;
                    } | null) | null;
                    settings?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        prompt: string | null;
                        initial_message: string | null;
                        /** @description BCP 47 tag such as en or en-US. */
                        language: string;
                        voice: ({
                            /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                            type: string;
                            voice_name?: string;
                            voice_id?: string;
                            pitch?: number;
                            rate?: number;
                        } & {
                            [key: string]: string | number | boolean | null;
                        }) | null;
                        actions: {
                            /** Format: uuid */
                            id: string;
                            type: string;
                            config: {
                                [key: string]: unknown;
                            };
                            trigger?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description Absent when the API key lacks the webhooks:read scope; null when the agent has no webhook. */
                        webhook?: {
                            /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                            url: string;
                            /**
                             * @description HTTP method of the delivery; POST when absent.
                             * @enum {string}
                             */
                            method?: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                            subscriptions?: string[];
                        } | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        /** @description Further conversation settings, kept as sent (interrupt sensitivity, speed …). */
                        settings: {
                            [key: string]: unknown;
                        };
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you hold ("3", or a list, or *): if the object is still at that version the answer is 304 with no body (weak comparison). Not a list of ETags: 400.
                 * @example "0"
                 */
                "if-none-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        prompt: string | null;
                        initial_message: string | null;
                        /** @description BCP 47 tag such as en or en-US. */
                        language: string;
                        voice: ({
                            /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                            type: string;
                            voice_name?: string;
                            voice_id?: string;
                            pitch?: number;
                            rate?: number;
                        } & {
                            [key: string]: string | number | boolean | null;
                        }) | null;
                        actions: {
                            /** Format: uuid */
                            id: string;
                            type: string;
                            config: {
                                [key: string]: unknown;
                            };
                            trigger?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description Absent when the API key lacks the webhooks:read scope; null when the agent has no webhook. */
                        webhook?: {
                            /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                            url: string;
                            /**
                             * @description HTTP method of the delivery; POST when absent.
                             * @enum {string}
                             */
                            method?: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                            subscriptions?: string[];
                        } | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        /** @description Further conversation settings, kept as sent (interrupt sensitivity, speed …). */
                        settings: {
                            [key: string]: unknown;
                        };
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Not modified: the object is still at the version If-None-Match names (ETag header, no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAgent: {
        parameters: {
            query?: {
                /**
                 * @description Also clear it from every phone number that routes to it.
                 * @example true
                 */
                detach?: boolean;
            };
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        prompt: string | null;
                        initial_message: string | null;
                        /** @description BCP 47 tag such as en or en-US. */
                        language: string;
                        voice: ({
                            /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                            type: string;
                            voice_name?: string;
                            voice_id?: string;
                            pitch?: number;
                            rate?: number;
                        } & {
                            [key: string]: string | number | boolean | null;
                        }) | null;
                        actions: {
                            /** Format: uuid */
                            id: string;
                            type: string;
                            config: {
                                [key: string]: unknown;
                            };
                            trigger?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description Absent when the API key lacks the webhooks:read scope; null when the agent has no webhook. */
                        webhook?: {
                            /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                            url: string;
                            /**
                             * @description HTTP method of the delivery; POST when absent.
                             * @enum {string}
                             */
                            method?: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                            subscriptions?: string[];
                        } | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        /** @description Further conversation settings, kept as sent (interrupt sensitivity, speed …). */
                        settings: {
                            [key: string]: unknown;
                        };
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04 */
                id: string;
            };
            cookie?: never;
        };
        /** @description Agent fields to change. Absent = unchanged, null = cleared. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "initial_message": "Hello, Acme support speaking."
                 *     }
                 */
                "application/json": {
                    name?: string;
                    prompt?: (string | null) | null;
                    initial_message?: (string | null) | null;
                    language?: string | null;
                    voice?: (({
                        /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                        type: string;
                        voice_name?: string;
                        voice_id?: string;
                        pitch?: number;
                        rate?: number;
                    } & {
                        [key: string]: string | number | boolean | null;
                    }) | null) | null;
                    actions?: {
                        /** @description Such as action_transfer_call or action_end_conversation. */
                        type: string;
                        config?: {
                            [key: string]: unknown;
                        };
                        trigger?: {
                            [key: string]: unknown;
                        } | null;
                    }[] | null;
                    webhook?: ({
                        /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery; POST when absent.
                         * @enum {string}
                         */
                        method?: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                        subscriptions?: string[];
                    } | null) | null;
                    endpoint?: ({
                        /** @enum {string} */
                        type: "websocket" | "sip";
                        /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                        url: string;
                    } | null) | null;
                    settings?: {
                        [key: string]: unknown;
                    } | null;
                };
                /**
                 * @example {
                 *       "initial_message": "Hello, Acme support speaking."
                 *     }
                 */
                "application/merge-patch+json": {
                    name?: string;
                    prompt?: (string | null) | null;
                    initial_message?: (string | null) | null;
                    language?: string | null;
                    voice?: (({
                        /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                        type: string;
                        voice_name?: string;
                        voice_id?: string;
                        pitch?: number;
                        rate?: number;
                    } & {
                        [key: string]: string | number | boolean | null;
                    }) | null) | null;
                    actions?: {
                        /** @description Such as action_transfer_call or action_end_conversation. */
                        type: string;
                        config?: {
                            [key: string]: unknown;
                        };
                        trigger?: {
                            [key: string]: unknown;
                        } | null;
                    }[] | null;
                    webhook?: ({
                        /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery; POST when absent.
                         * @enum {string}
                         */
                        method?: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                        subscriptions?: string[];
                    } | null) | null;
                    endpoint?: ({
                        /** @enum {string} */
                        type: "websocket" | "sip";
                        /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                        url: string;
                    } | null) | null;
                    settings?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        prompt: string | null;
                        initial_message: string | null;
                        /** @description BCP 47 tag such as en or en-US. */
                        language: string;
                        voice: ({
                            /** @description Voice provider/type, such as voice_eleven_labs or voice_azure. */
                            type: string;
                            voice_name?: string;
                            voice_id?: string;
                            pitch?: number;
                            rate?: number;
                        } & {
                            [key: string]: string | number | boolean | null;
                        }) | null;
                        actions: {
                            /** Format: uuid */
                            id: string;
                            type: string;
                            config: {
                                [key: string]: unknown;
                            };
                            trigger?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description Absent when the API key lacks the webhooks:read scope; null when the agent has no webhook. */
                        webhook?: {
                            /** @description http or https URL the events are sent to; refused if it leads to a private or metadata address. */
                            url: string;
                            /**
                             * @description HTTP method of the delivery; POST when absent.
                             * @enum {string}
                             */
                            method?: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled). */
                            subscriptions?: string[];
                        } | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        /** @description Further conversation settings, kept as sent (interrupt sensitivity, speed …). */
                        settings: {
                            [key: string]: unknown;
                        };
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWorkflows: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAz
                 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            user_id: string | null;
                            name: string;
                            description: string | null;
                            endpoint: {
                                /** @enum {string} */
                                type: "websocket" | "sip";
                                /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                                url: string;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A new workflow. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "After-hours IVR",
                 *       "description": "Routes calls outside office hours."
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string | null;
                    endpoint?: {
                        /** @enum {string} */
                        type: "websocket" | "sip";
                        /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                        url: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        description: string | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you hold ("3", or a list, or *): if the object is still at that version the answer is 304 with no body (weak comparison). Not a list of ETags: 400.
                 * @example "0"
                 */
                "if-none-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d05 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        description: string | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Not modified: the object is still at the version If-None-Match names (ETag header, no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWorkflow: {
        parameters: {
            query?: {
                /**
                 * @description Also clear it from every phone number that routes to it.
                 * @example true
                 */
                detach?: boolean;
            };
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d05 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        description: string | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d05 */
                id: string;
            };
            cookie?: never;
        };
        /** @description Workflow fields to change. Absent = unchanged, null = cleared. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Routes calls outside office hours to voicemail."
                 *     }
                 */
                "application/json": {
                    name?: string;
                    description?: string | null;
                    endpoint?: {
                        /** @enum {string} */
                        type: "websocket" | "sip";
                        /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                        url: string;
                    } | null;
                };
                /**
                 * @example {
                 *       "description": "Routes calls outside office hours to voicemail."
                 *     }
                 */
                "application/merge-patch+json": {
                    name?: string;
                    description?: string | null;
                    endpoint?: {
                        /** @enum {string} */
                        type: "websocket" | "sip";
                        /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                        url: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        description: string | null;
                        endpoint: {
                            /** @enum {string} */
                            type: "websocket" | "sip";
                            /** @description A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip. */
                            url: string;
                        } | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workspace: {
                            id: string;
                            name: string;
                        };
                        user: {
                            id: string;
                            name: string;
                        } | null;
                        api_key: {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: string[];
                        };
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAz
                 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            user_id: string | null;
                            name: string;
                            /** @description The first characters of the key, to recognise it by. */
                            prefix: string;
                            scopes: ("numbers:read" | "numbers:write" | "agents:read" | "agents:write" | "workflows:read" | "workflows:write" | "webhooks:read" | "webhooks:write" | "events:read" | "keys:read" | "keys:write" | "admin" | "operator")[];
                            /** Format: date-time */
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "CI deploy key",
                 *       "scopes": [
                 *         "numbers:read",
                 *         "numbers:write"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    scopes: ("numbers:read" | "numbers:write" | "agents:read" | "agents:write" | "workflows:read" | "workflows:write" | "webhooks:read" | "webhooks:write" | "events:read" | "keys:read" | "keys:write" | "admin" | "operator")[];
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        /** @description The first characters of the key, to recognise it by. */
                        prefix: string;
                        scopes: ("numbers:read" | "numbers:write" | "agents:read" | "agents:write" | "workflows:read" | "workflows:write" | "webhooks:read" | "webhooks:write" | "events:read" | "keys:read" | "keys:write" | "admin" | "operator")[];
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                        /** @description The whole key. Shown this once: store it now. */
                        secret: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d06 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        /** @description The first characters of the key, to recognise it by. */
                        prefix: string;
                        scopes: ("numbers:read" | "numbers:write" | "agents:read" | "agents:write" | "workflows:read" | "workflows:write" | "webhooks:read" | "webhooks:write" | "events:read" | "keys:read" | "keys:write" | "admin" | "operator")[];
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d06 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        user_id: string | null;
                        name: string;
                        /** @description The first characters of the key, to recognise it by. */
                        prefix: string;
                        scopes: ("numbers:read" | "numbers:write" | "agents:read" | "agents:write" | "workflows:read" | "workflows:write" | "webhooks:read" | "webhooks:write" | "events:read" | "keys:read" | "keys:write" | "admin" | "operator")[];
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAzLmRlc2M
                 */
                cursor?: string;
                /**
                 * @description desc (default): newest first; asc: oldest first. A cursor is only good for the order it was returned for (else 400).
                 * @example desc
                 */
                order?: "asc" | "desc";
                /**
                 * @description Only what was created at or after this time (ISO 8601, inclusive).
                 * @example 2024-06-01T00:00:00Z
                 */
                since?: string;
                /**
                 * @description Only what was created before this time (ISO 8601, exclusive); before since is 422.
                 * @example 2030-01-01T00:00:00Z
                 */
                until?: string;
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d03 */
                object_id?: string;
                /**
                 * @description What the event is about.
                 * @example phone_number
                 */
                object_type?: "phone_number" | "agent" | "workflow" | "webhook_endpoint" | "workspace" | "api_key" | "phone_call";
                /**
                 * @description An event type of the catalogue (GET /v1/event-types).
                 * @example phone_number.created
                 */
                type?: "phone_number.created" | "phone_number.updated" | "phone_number.released" | "agent.created" | "agent.updated" | "agent.deleted" | "workflow.created" | "workflow.updated" | "workflow.deleted" | "webhook_endpoint.created" | "webhook_endpoint.updated" | "webhook_endpoint.deleted" | "webhook_endpoint.disabled" | "webhook_endpoint.test" | "workspace.created" | "api_key.created" | "api_key.revoked" | "phone_call:connection_requested" | "phone_call.started" | "phone_call.ended" | "phone_call.did_not_connect" | "phone_call.message" | "phone_call.action" | "phone_call.transcript" | "phone_call.recording" | "phone_call.human_detection";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            /** @description What happened, such as phone_number.updated. */
                            type: string;
                            object_type: string;
                            object_id: string;
                            actor: {
                                /** @description api_key, operator or system. */
                                type: string;
                                api_key_id: string | null;
                                user_id: string | null;
                                /** @description API calls: the client's address (behind proxies trusted by SWITCHBOARD_TRUST_PROXY, the address they forwarded). */
                                ip?: string;
                            };
                            /** @description Top-level fields that changed. */
                            changes: string[];
                            before: {
                                [key: string]: unknown;
                            } | null;
                            after: {
                                [key: string]: unknown;
                            } | null;
                            request_id: string | null;
                            /** @description Why the system made the change, when it did (webhook_endpoint.disabled). */
                            reason?: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description One per subscribed endpoint, once the event has been fanned out (within a moment of the change). */
                            webhook_deliveries: {
                                /** Format: uuid */
                                id: string;
                                /** @description The webhook-id header: the same on every attempt of this delivery, for receivers to de-duplicate. */
                                webhook_id: string;
                                /** Format: uuid */
                                endpoint_id: string;
                                /** Format: uuid */
                                event_id: string;
                                event_type: string;
                                /**
                                 * @description pending: will be (re)tried; succeeded: a 2xx answer; failed: no attempts left, 410 Gone, a destination the address policy refuses, or a filter error; filtered: the filter said no; skipped: the endpoint was disabled.
                                 * @enum {string}
                                 */
                                status: "pending" | "succeeded" | "failed" | "filtered" | "skipped";
                                attempt_count: number;
                                next_attempt_at: string | null;
                                last_attempt_at: string | null;
                                last_status_code: number | null;
                                last_error: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d07 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description What happened, such as phone_number.updated. */
                        type: string;
                        object_type: string;
                        object_id: string;
                        actor: {
                            /** @description api_key, operator or system. */
                            type: string;
                            api_key_id: string | null;
                            user_id: string | null;
                            /** @description API calls: the client's address (behind proxies trusted by SWITCHBOARD_TRUST_PROXY, the address they forwarded). */
                            ip?: string;
                        };
                        /** @description Top-level fields that changed. */
                        changes: string[];
                        before: {
                            [key: string]: unknown;
                        } | null;
                        after: {
                            [key: string]: unknown;
                        } | null;
                        request_id: string | null;
                        /** @description Why the system made the change, when it did (webhook_endpoint.disabled). */
                        reason?: string;
                        /** Format: date-time */
                        created_at: string;
                        /** @description One per subscribed endpoint, once the event has been fanned out (within a moment of the change). */
                        webhook_deliveries: {
                            /** Format: uuid */
                            id: string;
                            /** @description The webhook-id header: the same on every attempt of this delivery, for receivers to de-duplicate. */
                            webhook_id: string;
                            /** Format: uuid */
                            endpoint_id: string;
                            /** Format: uuid */
                            event_id: string;
                            event_type: string;
                            /**
                             * @description pending: will be (re)tried; succeeded: a 2xx answer; failed: no attempts left, 410 Gone, a destination the address policy refuses, or a filter error; filtered: the filter said no; skipped: the endpoint was disabled.
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed" | "filtered" | "skipped";
                            attempt_count: number;
                            next_attempt_at: string | null;
                            last_attempt_at: string | null;
                            last_status_code: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWorkspaces: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAz
                 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme Support",
                 *       "user_name": "Ada Lovelace"
                 *     }
                 */
                "application/json": {
                    name: string;
                    user_name?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workspace: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                        };
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                        };
                        api_key: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            user_id: string | null;
                            name: string;
                            /** @description The first characters of the key, to recognise it by. */
                            prefix: string;
                            scopes: ("numbers:read" | "numbers:write" | "agents:read" | "agents:write" | "workflows:read" | "workflows:write" | "webhooks:read" | "webhooks:write" | "events:read" | "keys:read" | "keys:write" | "admin" | "operator")[];
                            /** Format: date-time */
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                            /** @description The whole key. Shown this once: store it now. */
                            secret: string;
                        };
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAz
                 */
                cursor?: string;
                /**
                 * @description Only the endpoints scoped to this number.
                 * @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d03
                 */
                phone_number_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            workspace_id: string;
                            /** @description http or https URL the events are sent to. */
                            url: string;
                            /**
                             * @description HTTP method of the delivery.
                             * @enum {string}
                             */
                            method: "GET" | "POST" | "PUT" | "PATCH";
                            /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                            headers: {
                                [key: string]: string;
                            };
                            /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                            event_types: string[];
                            phone_number_id: string | null;
                            agent_id: string | null;
                            filter: string | null;
                            /** @description false: no deliveries. */
                            enabled: boolean;
                            description: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A new webhook endpoint. Its signing secret is generated and shown once, in the answer. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/switchboard",
                 *       "event_types": [
                 *         "phone_number.updated",
                 *         "phone_number.released"
                 *       ],
                 *       "description": "Number changes to our CRM"
                 *     }
                 */
                "application/json": {
                    /** @description http or https URL the events are sent to. */
                    url: string;
                    /**
                     * @description HTTP method of the delivery; POST when absent.
                     * @enum {string}
                     */
                    method?: "GET" | "POST" | "PUT" | "PATCH";
                    /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                    headers?: {
                        [key: string]: string;
                    };
                    /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                    event_types?: string[];
                    phone_number_id?: string | null;
                    filter?: string | null;
                    /** @description false: no deliveries. */
                    enabled?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description http or https URL the events are sent to. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery.
                         * @enum {string}
                         */
                        method: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                        event_types: string[];
                        phone_number_id: string | null;
                        agent_id: string | null;
                        filter: string | null;
                        /** @description false: no deliveries. */
                        enabled: boolean;
                        description: string | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description The signing secret (whsec_…, Standard Webhooks). Shown this once: store it now. */
                        secret: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you hold ("3", or a list, or *): if the object is still at that version the answer is 304 with no body (weak comparison). Not a list of ETags: 400.
                 * @example "0"
                 */
                "if-none-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description http or https URL the events are sent to. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery.
                         * @enum {string}
                         */
                        method: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                        event_types: string[];
                        phone_number_id: string | null;
                        agent_id: string | null;
                        filter: string | null;
                        /** @description false: no deliveries. */
                        enabled: boolean;
                        description: string | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Not modified: the object is still at the version If-None-Match names (ETag header, no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description http or https URL the events are sent to. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery.
                         * @enum {string}
                         */
                        method: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                        event_types: string[];
                        phone_number_id: string | null;
                        agent_id: string | null;
                        filter: string | null;
                        /** @description false: no deliveries. */
                        enabled: boolean;
                        description: string | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        /** @description Fields to change. Absent = unchanged, null = back to the default (headers merge: a header set to null is removed). */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Number changes to our CRM (staging)",
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    /** @description http or https URL the events are sent to. */
                    url?: string;
                    method?: ("GET" | "POST" | "PUT" | "PATCH") | null;
                    headers?: {
                        [key: string]: string | null;
                    } | null;
                    event_types?: string[] | null;
                    phone_number_id?: string | null;
                    filter?: string | null;
                    enabled?: boolean | null;
                    description?: string | null;
                };
                /**
                 * @example {
                 *       "description": "Number changes to our CRM (staging)",
                 *       "enabled": true
                 *     }
                 */
                "application/merge-patch+json": {
                    /** @description http or https URL the events are sent to. */
                    url?: string;
                    method?: ("GET" | "POST" | "PUT" | "PATCH") | null;
                    headers?: {
                        [key: string]: string | null;
                    } | null;
                    event_types?: string[] | null;
                    phone_number_id?: string | null;
                    filter?: string | null;
                    enabled?: boolean | null;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description http or https URL the events are sent to. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery.
                         * @enum {string}
                         */
                        method: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                        event_types: string[];
                        phone_number_id: string | null;
                        agent_id: string | null;
                        filter: string | null;
                        /** @description false: no deliveries. */
                        enabled: boolean;
                        description: string | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
                /**
                 * @description The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object's current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.
                 * @example "1"
                 */
                "if-match"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "overlap_seconds": 3600
                 *     }
                 */
                "application/json": {
                    /** @description How long the old secret keeps signing beside the new one (default 86400: a day; 0: it stops now). */
                    overlap_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        workspace_id: string;
                        /** @description http or https URL the events are sent to. */
                        url: string;
                        /**
                         * @description HTTP method of the delivery.
                         * @enum {string}
                         */
                        method: "GET" | "POST" | "PUT" | "PATCH";
                        /** @description Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "********". Sending "********" back keeps the stored value. */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event. */
                        event_types: string[];
                        phone_number_id: string | null;
                        agent_id: string | null;
                        filter: string | null;
                        /** @description false: no deliveries. */
                        enabled: boolean;
                        description: string | null;
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description The signing secret (whsec_…, Standard Webhooks). Shown this once: store it now. */
                        secret: string;
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the object's current ETag: it changed since you read it. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /**
                 * @description Page size, at most 200.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description From the previous page's next_cursor.
                 * @example MDE5MGY1YTItMWM0ZS03YjNhLTlkMmYtM2U0YTViNmM3ZDAzLmRlc2M
                 */
                cursor?: string;
                /**
                 * @description desc (default): newest first; asc: oldest first. A cursor is only good for the order it was returned for (else 400).
                 * @example desc
                 */
                order?: "asc" | "desc";
                /**
                 * @description Only what was created at or after this time (ISO 8601, inclusive).
                 * @example 2024-06-01T00:00:00Z
                 */
                since?: string;
                /**
                 * @description Only what was created before this time (ISO 8601, exclusive); before since is 422.
                 * @example 2030-01-01T00:00:00Z
                 */
                until?: string;
                /** @example pending */
                status?: "pending" | "succeeded" | "failed" | "filtered" | "skipped";
                /**
                 * @description An event type of the catalogue (GET /v1/event-types).
                 * @example phone_number.updated
                 */
                event_type?: "phone_number.created" | "phone_number.updated" | "phone_number.released" | "agent.created" | "agent.updated" | "agent.deleted" | "workflow.created" | "workflow.updated" | "workflow.deleted" | "webhook_endpoint.created" | "webhook_endpoint.updated" | "webhook_endpoint.deleted" | "webhook_endpoint.disabled" | "webhook_endpoint.test" | "workspace.created" | "api_key.created" | "api_key.revoked" | "phone_call:connection_requested" | "phone_call.started" | "phone_call.ended" | "phone_call.did_not_connect" | "phone_call.message" | "phone_call.action" | "phone_call.transcript" | "phone_call.recording" | "phone_call.human_detection";
            };
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description The webhook-id header: the same on every attempt of this delivery, for receivers to de-duplicate. */
                            webhook_id: string;
                            /** Format: uuid */
                            endpoint_id: string;
                            /** Format: uuid */
                            event_id: string;
                            event_type: string;
                            /**
                             * @description pending: will be (re)tried; succeeded: a 2xx answer; failed: no attempts left, 410 Gone, a destination the address policy refuses, or a filter error; filtered: the filter said no; skipped: the endpoint was disabled.
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed" | "filtered" | "skipped";
                            attempt_count: number;
                            next_attempt_at: string | null;
                            last_attempt_at: string | null;
                            last_status_code: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** @description Pass as `cursor` to get the next page; null on the last page. */
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d09 */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The webhook-id header: the same on every attempt of this delivery, for receivers to de-duplicate. */
                        webhook_id: string;
                        /** Format: uuid */
                        endpoint_id: string;
                        /** Format: uuid */
                        event_id: string;
                        event_type: string;
                        /**
                         * @description pending: will be (re)tried; succeeded: a 2xx answer; failed: no attempts left, 410 Gone, a destination the address policy refuses, or a filter error; filtered: the filter said no; skipped: the endpoint was disabled.
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed" | "filtered" | "skipped";
                        attempt_count: number;
                        next_attempt_at: string | null;
                        last_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Oldest first. */
                        attempts: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            started_at: string;
                            status_code: number | null;
                            latency_ms: number;
                            error: string | null;
                            /** @description The response body, at most 4 KiB. */
                            response_body: string;
                            response_truncated: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d09 */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work is queued and done shortly. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The webhook-id header: the same on every attempt of this delivery, for receivers to de-duplicate. */
                        webhook_id: string;
                        /** Format: uuid */
                        endpoint_id: string;
                        /** Format: uuid */
                        event_id: string;
                        event_type: string;
                        /**
                         * @description pending: will be (re)tried; succeeded: a 2xx answer; failed: no attempts left, 410 Gone, a destination the address policy refuses, or a filter error; filtered: the filter said no; skipped: the endpoint was disabled.
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed" | "filtered" | "skipped";
                        attempt_count: number;
                        next_attempt_at: string | null;
                        last_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Oldest first. */
                        attempts: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            started_at: string;
                            status_code: number | null;
                            latency_ms: number;
                            error: string | null;
                            /** @description The response body, at most 4 KiB. */
                            response_body: string;
                            response_truncated: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_id: string;
                        /** @description The receiver answered 2xx. */
                        succeeded: boolean;
                        status_code: number | null;
                        latency_ms: number;
                        error: string | null;
                        response_body: string;
                        response_truncated: boolean;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing, 1-255 visible ASCII characters (no spaces): retrying with the same key and body returns the first answer (kept 24 hours at least). Answers are per API key, method and route: another key using the same value runs its own request.
                 * @example a3f1c9e2-create-number-0001
                 */
                "idempotency-key"?: string;
            };
            path: {
                /** @example 0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "since": "2024-06-01T00:00:00Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Replay the events from this time on (ISO 8601, inclusive).
                     */
                    since: string;
                    /**
                     * Format: date-time
                     * @description …up to this time (exclusive); default now.
                     */
                    until?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: the work is queued and done shortly. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Deliveries made pending, new or again. */
                        queued: number;
                        /** @description Events looked at. */
                        events: number;
                        next_since: string | null;
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Nothing by that id or number in this workspace. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (the number is held or in use, or a request with this Idempotency-Key is still in progress). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than this operation accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is longer than 256 characters. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (send application/json). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A field breaks a rule, the cursor is not one this API returned, or the Idempotency-Key was used with another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            type: string;
                            description: string;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or not valid: a field, a parameter, the JSON or the path. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or not a valid one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The path does not take this method; the Allow header lists the methods it takes. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait the seconds Retry-After says. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An internal error; it has been logged. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Overloaded, or the database is unavailable: retry after the seconds Retry-After says. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
