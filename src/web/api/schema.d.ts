// Generated from the server’s OpenAPI document by `npm run gen:api`; do not edit.
// test/api-types.test.ts fails when this file no longer matches the server.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability, for load balancers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            database: "sqlite" | "postgres";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            database: "sqlite" | "postgres";
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own name or password (a new password signs out your other sessions) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword?: string;
                        name?: string;
                        newPassword?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/analytics/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace report: throughput, utilisation and quality across every project, by day, week, project and person. Workspace Admins see everyone; Workforce Managers the members of the groups they manage */
        get: {
            parameters: {
                query?: {
                    /** @description First day (UTC) counted */
                    from?: string;
                    /** @description The members of one group */
                    groupId?: string;
                    projectId?: string;
                    /** @description Last day (UTC) counted, inclusive */
                    to?: string;
                    /** @description One person */
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkspaceAnalytics"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API keys, newest first (secrets are never shown again) */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the response holds the token, shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            revokedAt: string | null;
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API keys */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (Admins only) */
        get: {
            parameters: {
                query?: {
                    /** @description An exact action, or a prefix ending in "." (e.g. "user.") */
                    action?: string;
                    actorId?: string;
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    /** @description Inclusive lower bound on the time */
                    from?: string;
                    limit?: number;
                    targetId?: string;
                    targetType?: string;
                    /** @description Exclusive upper bound on the time */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in; for cookie sessions also the token to send as x-csrf-token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string | null;
                            user: components["schemas"]["User"];
                            /** @enum {string} */
                            via: "session" | "api_key";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a data unit, its tasks and its files */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a data unit’s title or metadata */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataUnit"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/data-units/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A data unit's file (image, video or text)
         * @description Readable by whoever may read the dataset, and by collaborators of a project using it (Annotators and Reviewers only while the project is In progress: 403 `project_not_active` or `project_archived` otherwise). Local storage streams the bytes (Range requests get 206); S3 storage answers 302 to a presigned URL valid 5 minutes; units registered by URL redirect there.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (206: the requested byte range of it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description The file (206: the requested byte range of it) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description To a short-lived URL of the file in object storage, or the URL it was registered with */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not modified since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-units/{id}/items/{position}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The file of one image of an image group
         * @description Readable by whoever may read the dataset, and by collaborators of a project using it (Annotators and Reviewers only while the project is In progress: 403 `project_not_active` or `project_archived` otherwise). Local storage streams the bytes (Range requests get 206); S3 storage answers 302 to a presigned URL valid 5 minutes; units registered by URL redirect there.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The item's position in the image group */
                    position: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (206: the requested byte range of it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description The file (206: the requested byte range of it) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description To a short-lived URL of the file in object storage, or the URL it was registered with */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not modified since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-units/{id}/items/{position}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The thumbnail of one image of an image group
         * @description Readable by whoever may read the dataset, and by collaborators of a project using it (Annotators and Reviewers only while the project is In progress: 403 `project_not_active` or `project_archived` otherwise). Local storage streams the bytes (Range requests get 206); S3 storage answers 302 to a presigned URL valid 5 minutes; units registered by URL redirect there.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The item's position in the image group */
                    position: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (206: the requested byte range of it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description The file (206: the requested byte range of it) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description To a short-lived URL of the file in object storage, or the URL it was registered with */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not modified since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-units/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A data unit's thumbnail
         * @description Readable by whoever may read the dataset, and by collaborators of a project using it (Annotators and Reviewers only while the project is In progress: 403 `project_not_active` or `project_archived` otherwise). Local storage streams the bytes (Range requests get 206); S3 storage answers 302 to a presigned URL valid 5 minutes; units registered by URL redirect there.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (206: the requested byte range of it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description The file (206: the requested byte range of it) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description To a short-lived URL of the file in object storage, or the URL it was registered with */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not modified since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Datasets you may see (all of them for workspace Admins), by name */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                    /** @description Matches the name or description */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Dataset"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a dataset; you become its Admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dataset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a dataset, its data units and their files (409 dataset_in_use while a project uses it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a dataset or change its description */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/datasets/{id}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who holds a role on the dataset: users and groups */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DatasetAccess"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Share the dataset with a user or group, or change their role */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        principalId: string;
                        /** @enum {string} */
                        principalType: "user" | "group";
                        /** @enum {string} */
                        role: "admin" | "user";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DatasetAccess"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets/{id}/access/{principalType}/{principalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sharing the dataset with a user or group */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    principalId: string;
                    principalType: "user" | "group";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets/{id}/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register object-storage keys or http(s) URLs as data units (JSON, or text/csv)
         * @description Items: {kind?, key?, url?, title?, metadata?, items?: [{key?|url?}]} — one of key and url, or `items` for an image group. CSV: a header naming some of kind,key,url,title,metadata (metadata as JSON). Each item is validated on its own; failures come back with their index.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description {kind?, key?, url?, title?, metadata?, items?: [{key?|url?}]} */
                        items: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: components["schemas"]["DataUnit"][];
                            failed: {
                                index: number;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A dataset’s data units, in the order they were added */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    kind?: "image" | "image_group" | "video" | "text";
                    limit?: number;
                    /** @description Matches the title */
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DataUnit"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload media (multipart/form-data: `files` parts, optional `groupTitle` to make the images one image group)
         * @description Each file is checked by its content (JPEG, PNG, WebP, MP4/QuickTime, WebM, UTF-8 text); a broken, unsupported or mislabelled file is reported under `failed` and the others are added.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: components["schemas"]["DataUnit"][];
                            failed: {
                                code: string;
                                file: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gold-sets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A gold set with its gold tasks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoldSetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a gold set (409 gold_set_in_use while screening or monitoring uses it); scores stay */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a gold set or change its description (409 revision_conflict on a stale revision) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoldSetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/gold-sets/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add gold tasks: completed tasks’ main labels (taskIds) or imported labels (items), checked against the project’s ontology; all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Imported reference labels, for data units you may read that this project does not label */
                        items?: {
                            /** Format: uuid */
                            dataUnitId: string;
                            document: components["schemas"]["LabelDocumentInput"];
                        }[];
                        /** @description Completed tasks of a gold project you also manage: their main labels become gold */
                        taskIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoldSetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gold-sets/{id}/tasks/{goldTaskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a gold task from its set */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    goldTaskId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoldSetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** User groups you may see, by name; search by name or description */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                    /** @description Matches name or description, case-insensitively */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Group"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a group; you become one of its managers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a group and its memberships (the users stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a group or change its description */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/groups/{id}/managers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who manages a group, by email */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupManagerDetail"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Make active Admins or Workforce Managers managers of a group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many were not already there */
                            added: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/managers/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop a user managing a group */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group’s members you may see, by email */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GroupMember"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add active users to a group (those already in it are skipped) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many were not already there */
                            added: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from a group */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invites you may manage, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Invite"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by email; returns the one-time link (also emailed when SMTP is set up) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "workforce_manager" | "member" | "tasker";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            email: string;
                            emailed: boolean;
                            expiresAt: string;
                            id: string;
                            invitedBy: string;
                            invitedByEmail: string | null;
                            inviteUrl: string;
                            /** @enum {string} */
                            role: "admin" | "workforce_manager" | "member" | "tasker";
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invite */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invite"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invite: creates the account and signs in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invite link is for (public; the token is the secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            expiresAt: string;
                            /** @enum {string} */
                            role: "admin" | "workforce_manager" | "member" | "tasker";
                            workspaceName: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your issues across projects, newest first: assigned to you, raised by you, or mentioning you */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    /** @description Default: any of the three */
                    involvement?: "assigned" | "authored" | "mentioned";
                    limit?: number;
                    status?: "open" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Issue"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/issues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An issue with its comments (managers: any of their projects’; others: issues involving them) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssueDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Resolve, reopen, reassign or retag an issue (its author, its assignee, managers; 409 revision_conflict on a stale revision) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null: unassign */
                        assigneeId?: string | null;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        /** @enum {string} */
                        status?: "open" | "resolved";
                        /** @description At most 10; duplicates are kept once */
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Issue"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/issues/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on an issue you may see, @mentioning project members */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @description Users @mentioned: active members of the project */
                        mentions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssueComment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ontologies you may see (all for workspace Admins, else those shared with you), by name */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                    /** @description Matches name or description */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Ontology"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an ontology at version 1; you become its Admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                        schema: components["schemas"]["OntologyDocumentInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ontology with its current schema */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an ontology and every version (refused with 409 ontology_in_use while a project uses it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename an ontology or change its description */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/ontologies/{id}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the ontology is shared with: users and groups with their role */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OntologyAccess"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Share the ontology with a user or group, or change their role */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        principalId: string;
                        /** @enum {string} */
                        principalType: "user" | "group";
                        /** @enum {string} */
                        role: "admin" | "user";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OntologyAccess"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/{id}/access/{principalType}/{principalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sharing the ontology with a user or group */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    principalId: string;
                    principalType: "user" | "group";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an ontology (the current version, or ?version=N) as a JSON file to import elsewhere */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyExport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/{id}/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save the schema: replaces the current version while no project pins it, else creates the next version
         * @description A feature present in a version a project pins cannot be removed (409 feature_in_use, details.featureIds); keep it with `archived: true` instead.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        schema: components["schemas"]["OntologyDocumentInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of an ontology, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OntologyVersion"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of an ontology with its schema (also for members of a project that pins it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyVersionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ontologies/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an ontology from an export file */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        formatVersion: number;
                        /** @enum {string} */
                        gloss: "ontology";
                        name: string;
                        /** @description The ontology document; older format versions are upgraded, then validated */
                        schema: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OntologyDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags of the projects you may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects you may see (Admins: all; others: where they hold a role), filtered and sorted */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    datasetId?: string;
                    limit?: number;
                    /** @description Projects where this user holds a role, directly or via a group */
                    memberId?: string;
                    /** @description Default: asc for name, desc for created and updated */
                    order?: "asc" | "desc";
                    /** @description Matches name or description */
                    q?: string;
                    sort?: "name" | "created" | "updated";
                    status?: "not_started" | "in_progress" | "paused" | "completed" | "cancelled" | "archived";
                    /** @description Case-insensitive */
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Project"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a project (Not started) with a workflow (default: built-in Annotate → Review); you become its Admin; attached datasets’ units become tasks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        datasetIds?: string[];
                        description?: string;
                        members?: {
                            /** Format: uuid */
                            principalId: string;
                            /** @enum {string} */
                            principalType: "user" | "group";
                            /** @enum {string} */
                            role: "admin" | "team_manager" | "annotator_reviewer" | "reviewer" | "annotator";
                        }[];
                        name: string;
                        /** Format: uuid */
                        ontologyId?: string;
                        /** @description Default: the current version */
                        ontologyVersion?: number;
                        tags?: string[];
                        /** @description Start from this workflow document (invalid ones get 400 invalid_workflow); not with `workflowTemplateId` */
                        workflow?: {
                            [key: string]: unknown;
                        };
                        /** @description Start from this template (`builtin:<key>` or a saved template you may see); not with `workflow` */
                        workflowTemplateId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a project with its tasks, collaborators and tags (its datasets stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change name, description or tags */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agreement report of a consensus stage: task-level distribution, Krippendorff’s alpha per question and per class, per-annotator agreement (with the others and with the resolved labels), the most disputed tasks */
        get: {
            parameters: {
                query?: {
                    /** @description A consensus stage of the current workflow (default: the first) */
                    stageId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgreementReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/agreement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One table of the agreement report as CSV (RFC 4180) */
        get: {
            parameters: {
                query: {
                    /** @description A consensus stage of the current workflow (default: the first) */
                    stageId?: string;
                    /** @description tasks, annotators, questions or classes */
                    table: "tasks" | "annotators" | "questions" | "classes";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project dashboard: tasks and labels counted by day, week, person, stage and class; time per task; review quality; issues; queue depth and a completion forecast. Workers get their own numbers only; another person’s userId is 403 for them */
        get: {
            parameters: {
                query?: {
                    datasetId?: string;
                    /** @description One class or question of the ontology (label counts only) */
                    featureId?: string;
                    /** @description First day (UTC) counted */
                    from?: string;
                    /** @description The members of one group */
                    groupId?: string;
                    stageId?: string;
                    /** @description Last day (UTC) counted, inclusive */
                    to?: string;
                    /** @description One person (workers: only themselves, their default) */
                    userId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectAnalytics"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/analytics/time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active time per stage and per person (total, mean, median and p90 of the time on a task) and per day. Workers get their own only; another person’s userId is 403 for them */
        get: {
            parameters: {
                query?: {
                    /** @description First day (UTC) of the work counted */
                    from?: string;
                    stageId?: string;
                    /** @description Last day (UTC), inclusive */
                    to?: string;
                    /** @description One person (workers: only themselves; their default) */
                    userId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TimeReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/benchmark-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project’s scoring configuration, screening and monitoring */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BenchmarkSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the scoring configuration, screening and monitoring (409 revision_conflict unless revision is the current one) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        monitoring: components["schemas"]["MonitoringSettingsInput"] | null;
                        /** @description The revision you read (0 before the first save) */
                        revision: number;
                        scoring: components["schemas"]["ScoringConfigInputInput"];
                        screening: components["schemas"]["ScreeningSettingsInput"] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BenchmarkSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/benchmark/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Benchmark scores summed up: distribution, per annotator (flagged below the threshold), per day, worst classes and shapes. Workers get their own only */
        get: {
            parameters: {
                query?: {
                    /** @description Scored at or after */
                    from?: string;
                    purpose?: "screening" | "monitoring";
                    /** @description Scored before */
                    to?: string;
                    /** @description One annotator (workers: only themselves; default for them) */
                    userId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BenchmarkReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/benchmark/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One table of the benchmark report as CSV (RFC 4180): scores, annotators, classes or shapes */
        get: {
            parameters: {
                query: {
                    /** @description Scored at or after */
                    from?: string;
                    purpose?: "screening" | "monitoring";
                    table: "scores" | "annotators" | "classes" | "shapes";
                    /** @description Scored before */
                    to?: string;
                    /** @description One annotator (workers: only themselves; default for them) */
                    userId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a dataset (needs dataset.attach on it); each of its units becomes a task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        datasetId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/datasets/{datasetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Detach a dataset; the project’s tasks of its units are removed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    datasetId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the project’s labels (each task’s main branch) as Gloss JSON or COCO, streamed; filter by stage, status, dataset and when the labels were saved */
        get: {
            parameters: {
                query?: {
                    datasetId?: string;
                    format?: "native" | "coco";
                    /** @description Tasks whose labels were last saved at or after this time */
                    from?: string;
                    stageId?: string;
                    status?: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
                    /** @description … and before this time */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export, streamed as one JSON document (see docs/labels.md, "Export") */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/gold-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project’s gold sets, with how many gold tasks each holds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GoldSet"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a gold set (409 name_taken when the project has one of that name) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoldSet"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/issue-tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project’s issue tags: the common rejection reasons reviewers pick from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the project’s issue tags (Admins and Team Managers) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Duplicates are kept once */
                        names: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project’s issues, newest first (managers: all; others: those they raised, are assigned or mentioned in, or on tasks they hold or worked on) */
        get: {
            parameters: {
                query?: {
                    /** @description A user id, `me`, or `none` */
                    assigneeId?: ("me" | "none") | string;
                    /** @description A user id or `me` */
                    authorId?: "me" | string;
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    labelId?: string;
                    limit?: number;
                    /** @description The stage the task was in when it was raised */
                    stageId?: string;
                    status?: "open" | "resolved";
                    taskId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Issue"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/labels/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a model’s predictions as the first revision of tasks’ labels (tasks with labels already are skipped; a batch with any invalid item is refused whole) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            dataUnitId?: string;
                            document: components["schemas"]["LabelDocumentInput"];
                            /** Format: uuid */
                            taskId?: string;
                        }[];
                        /** @description The model’s name: objects are authored by model:<name> */
                        model: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: {
                                objects: number;
                                taskId: string;
                            }[];
                            model: string;
                            skipped: {
                                index: number;
                                reason: string;
                                taskId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collaborators: users and groups with their project roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectMember"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Give a user or group a project role (Team Managers: not the Admin role) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        principalId: string;
                        /** @enum {string} */
                        principalType: "user" | "group";
                        /** @enum {string} */
                        role: "admin" | "team_manager" | "annotator_reviewer" | "reviewer" | "annotator";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectMember"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/members/{principalType}/{principalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a collaborator (the last Admin grant cannot be removed) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    principalId: string;
                    principalType: "user" | "group";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/ontology": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Pin an ontology version (needs ontology.use on it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        ontologyId: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Screening attempts: your own, or (managers) everyone’s or one person’s, with the project’s screening rules */
        get: {
            parameters: {
                query?: {
                    userId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScreeningStatus"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/screening/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start your next screening attempt after a failed one (403 screening_exhausted when none are left) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScreeningAttempt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/stages/{stageId}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim your next task in a stage: one you hold or were assigned, else the eligible task of highest priority (204 when none) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    stageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Nothing to do in this stage now */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/stages/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks per stage of the current workflow, by status (a lapsed claim counts as released) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stages: {
                                byStatus: {
                                    assigned: number;
                                    completed: number;
                                    new: number;
                                    released: number;
                                    reopened: number;
                                    skipped: number;
                                };
                                stageId: string;
                                total: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the status, with a reason (the only change an Archived project accepts) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        /** @enum {string} */
                        status: "not_started" | "in_progress" | "paused" | "completed" | "cancelled" | "archived";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The queue: Admins and Team Managers see every task; others the tasks they hold and those they could claim */
        get: {
            parameters: {
                query?: {
                    /** @description `none`: nobody holds it; `me`: you hold it; or a user id (consensus: one of its holders) */
                    assigneeId?: ("none" | "me") | string;
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    datasetId?: string;
                    /** @description `open`: tasks with open issues; `none`: tasks without open issues */
                    issues?: "open" | "none";
                    kind?: "image" | "image_group" | "video" | "text";
                    limit?: number;
                    /** @description Default: desc for priority, asc for name */
                    order?: "asc" | "desc";
                    /** @description Matches the title, case-insensitively */
                    q?: string;
                    /** @description priority: high first, then id (the order next-task serves); name: title, then id */
                    sort?: "priority" | "name";
                    stageId?: string;
                    /** @description As shown: a lapsed claim is released */
                    status?: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["QueueTask"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One manager action over up to 1000 tasks, all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: {
                            /** @enum {string} */
                            kind: "assign";
                            /** Format: uuid */
                            userId: string;
                        } | {
                            /**
                             * Format: uuid
                             * @description Its members, in a stable order
                             */
                            groupId?: string;
                            /** @enum {string} */
                            kind: "assign_round_robin";
                            /** @description Dealt in this order; those who may not work in a task’s stage are passed over */
                            userIds?: string[];
                        } | {
                            /** @enum {string} */
                            kind: "unassign";
                        } | {
                            /** @enum {string} */
                            kind: "set_priority";
                            /** @description 0–100; higher is served first */
                            priority: number;
                        } | {
                            /** @enum {string} */
                            kind: "move";
                            reason: string;
                            stageId: string;
                        };
                        taskIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project’s current workflow version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectWorkflow"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Save a new version of the project’s workflow (project Admins)
         * @description Stage ids say what survives: a stage keeps its tasks when its id is in the new workflow, and its type may not change (409 `stage_type_changed`). Tasks in removed stages must be mapped (`stageMapping`: removed stage id → stage of the new workflow) or the change is refused (400 `unmapped_stage`); mapped tasks enter their new stage as New, unheld. A stale `baseVersion` gets 409 `workflow_version_conflict`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you edited; a stale one gets 409 */
                        baseVersion: number;
                        /** @description What changed and why */
                        note?: string;
                        /** @description For each removed stage that holds tasks: the stage its tasks move to */
                        stageMapping?: {
                            [key: string]: string;
                        };
                        /** @description The workflow document (see docs/workflows.md); invalid ones get 400 invalid_workflow */
                        workflow: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectWorkflow"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/workflow/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the project’s workflow, newest first (without the documents) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectWorkflowVersion"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/workflow/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the project’s workflow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectWorkflow"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the workspace still needs its first admin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            needsSetup: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create the workspace and its first admin (only while no user exists); signs in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                        workspaceName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with its data unit and what you may do with it (workers: tasks they hold, could claim, or worked on; Annotators and Reviewers only while In progress) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report active time on a task you hold: the spans the editor’s clock ran (idle after a minute without input, stopped while the tab is hidden); each moment of yours is counted once, across tabs */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client’s clock when it sent the report (epoch ms): the server reads the spans by it */
                        sentAt: number;
                        /** @description The spans the clock ran (client epoch ms, [start, end)) */
                        spans: {
                            end: number;
                            start: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityRecorded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a task you hold in a review stage; labels still pending are approved with it (409 labels_rejected while a label rejected in this review stands) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description You hold it in the stage it goes to */
                        keepHolder?: boolean;
                        /**
                         * Format: uuid
                         * @description Who holds the task in the stage it goes to
                         */
                        nextHolderId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Name who holds a task (over anyone’s claim); consensus stages: add a holder */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The revision you read; a stale one gets 409 */
                        revision?: number;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a task from the queue: claim it if it is eligible for you (409 task_not_available) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/consensus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task’s latest consensus round: every annotator’s branch, their agreement, the consensus labels and any resolution (managers, consensus reviewers of the task’s stage, and its resolver; 404 no_consensus before its first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsensusRound"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/consensus/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle a task you hold in a consensus review stage: the labels become the main branch’s next revision, each annotator is scored against them, and the task is approved onward (409 revision_conflict unless made from the head; 409 round_changed unless roundId is the latest) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The annotator whose branch you started from */
                        base: string;
                        /** @description The main branch’s revision you started from (409 revision_conflict unless the head) */
                        baseRevision: number;
                        document: components["schemas"]["LabelDocumentInput"];
                        /** @description Keep holding the task in the stage it goes to */
                        keepHolder?: boolean;
                        /** @description Who holds the task in the stage it goes to (as for approve) */
                        nextHolderId?: string;
                        note?: string;
                        /** @description The round you compared (409 round_changed unless the latest) */
                        roundId: string;
                        /**
                         * @description Objects and answers you took from other annotators
                         * @default []
                         */
                        taken?: ({
                            clusterKey: string;
                            /** @description The annotator whose version was taken */
                            from: string;
                            /** @enum {string} */
                            kind: "object";
                        } | {
                            featureId: string;
                            from: string;
                            /** @enum {string} */
                            kind: "question";
                        } | {
                            /** @description The object whose attribute was taken */
                            clusterKey: string;
                            /** @description The attribute */
                            featureId: string;
                            from: string;
                            /** @enum {string} */
                            kind: "attribute";
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task’s history, oldest first (whoever may see the task) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TaskEvent"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/gold-feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scored screening task in training mode: your labels against the gold, with the breakdown (managers: any scored gold task) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GoldFeedback"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew your claim’s lease while you work (409 task_not_held) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            leaseExpiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Raise an issue on a task you may see: on the task, one of its labels, a frame range or a point */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An active member of the project
                         */
                        assigneeId?: string;
                        body: string;
                        /** @description Default: frameStart */
                        frameEnd?: number;
                        frameStart?: number;
                        /** @description An object id, or classification:<featureId>, of the task’s main-branch labels */
                        labelId?: string;
                        /** @description Users @mentioned: active members of the project */
                        mentions?: string[];
                        /** @description A point, in image pixels */
                        pin?: {
                            x: number;
                            y: number;
                        };
                        /** @description At most 10; duplicates are kept once */
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Issue"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The labels of a task: the head of a branch (revision 0 and an empty document before the first save) */
        get: {
            parameters: {
                query?: {
                    /** @description main, or annotator:<user id> for one annotator’s branch in a consensus stage (default: yours) */
                    branch?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Labels"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Save your labels of a task you hold as a new revision (409 revision_conflict unless made from the head; 400 invalid_labels against the project’s ontology; in a review stage only with reviewer edits on, else 409 labels_read_only) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The revision you started from; 0 before the first save */
                        baseRevision: number;
                        document: components["schemas"]["LabelDocumentInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Labels"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/labels/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history of a branch of a task’s labels, newest first: who saved, when, what changed */
        get: {
            parameters: {
                query?: {
                    /** @description main, or annotator:<user id> for one annotator’s branch in a consensus stage (default: yours) */
                    branch?: string;
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LabelRevision"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/labels/revisions/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One revision of a branch of a task’s labels, with its document */
        get: {
            parameters: {
                query?: {
                    /** @description main, or annotator:<user id> for one annotator’s branch in a consensus stage (default: yours) */
                    branch?: string;
                };
                header?: never;
                path: {
                    id: string;
                    revision: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: {
                                id: string;
                                /** @enum {string} */
                                kind: "user";
                                name: string | null;
                            } | {
                                /** @enum {string} */
                                kind: "model";
                                name: string;
                            };
                            baseRevision: number | null;
                            branch: string;
                            /** @description Objects added, changed, removed (and by feature) */
                            changes: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            document: components["schemas"]["LabelDocument"];
                            revision: number;
                            taskId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a task to another stage (not a router), with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision?: number;
                        stageId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a task’s priority (0–100) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 0–100; higher is served first */
                        priority: number;
                        /** @description The revision you read; a stale one gets 409 */
                        revision?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a task you hold in a review stage: it follows the rejected edge, Reopened, back to its last annotator where possible. Needs a reason (a label rejected via POST /tasks/{id}/reviews, or a note or tags: else 400 reason_required); labels still pending are rejected with the note, and the reasons become open issues (see docs/reviews.md) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description You hold it in the stage it goes to */
                        keepHolder?: boolean;
                        /**
                         * Format: uuid
                         * @description Who holds the task in the stage it goes to
                         */
                        nextHolderId?: string;
                        /** @description Why: becomes a task-level issue */
                        note?: string;
                        /** @description Rejection reasons from the project’s list (issue tags) */
                        tags?: string[];
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a task you hold back to the pool */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a completed task (default: into the stage it completed from) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision?: number;
                        stageId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review status of each label of a task (main branch), with what changed since its decision (whoever may see the task) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewSheet"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Approve or reject labels of a task you hold in a review stage (a rejection needs a reason or a tag; 409 revision_conflict unless labelRevision is the head; 403 own_work on your own submission) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decisions: {
                            /** @enum {string} */
                            decision: "approve" | "reject";
                            /** @description An object id, or classification:<featureId> for a top-level classification answer */
                            labelId: string;
                            /** @description Why it is rejected (a rejection needs a reason or a tag) */
                            reason?: string;
                            tags?: string[];
                        }[];
                        /** @description The main branch’s revision you reviewed (409 revision_conflict unless the head) */
                        labelRevision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewSheet"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip a task you hold: it goes to the back of your queue and stays available to others */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a task you hold in an annotate or consensus stage; it moves on along the workflow */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description You hold it in the stage it goes to */
                        keepHolder?: boolean;
                        /**
                         * Format: uuid
                         * @description Who holds the task in the stage it goes to
                         */
                        nextHolderId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/unassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a task from its holder; consensus stages: name the holder to drop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The revision you read; a stale one gets 409 */
                        revision?: number;
                        /** Format: uuid */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspace users you may see, by email; search by name or email */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    /** @description Only members of this group */
                    groupId?: string;
                    limit?: number;
                    /** @description Matches name or email, case-insensitively */
                    q?: string;
                    role?: "admin" | "workforce_manager" | "member" | "tasker";
                    status?: "active" | "deactivated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a user: they are signed out and cannot sign in; their history stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a deactivated user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user’s workspace role (the last active Admin cannot be demoted) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                        /** @enum {string} */
                        role: "admin" | "workforce_manager" | "member" | "tasker";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workflow-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workflow templates: the built-ins first, then saved templates by name */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page’s nextCursor */
                    cursor?: string;
                    limit?: number;
                    /** @description Matches name or description, case-insensitively */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkflowTemplate"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Save a workflow as a workspace template */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The workflow document (see docs/workflows.md); invalid ones get 400 invalid_workflow */
                        definition: {
                            [key: string]: unknown;
                        };
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workflow template, built-in or saved */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a saved template (projects made from it keep their copy) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a saved template (built-ins answer 409 builtin_template) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The workflow document (see docs/workflows.md); invalid ones get 400 invalid_workflow */
                        definition?: {
                            [key: string]: unknown;
                        };
                        description?: string;
                        name?: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspace settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the workspace (Admins only) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description The revision you read; a stale one gets 409 */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActivityRecorded: {
            /** @description What this report added (its overlap with earlier reports left out) */
            countedMs: number;
            /** @description Your active time on the task in its current stage so far */
            taskMs: number;
        };
        ActivityRecordedInput: {
            /** @description What this report added (its overlap with earlier reports left out) */
            countedMs: number;
            /** @description Your active time on the task in its current stage so far */
            taskMs: number;
        };
        AgreementReport: {
            accepted: number;
            annotators: {
                /** @description Mean agreement with the other annotators of each task, 0–1 */
                agreement: number;
                name: string;
                /** @description Units where the resolution differs from this annotator’s version */
                overruled: number;
                /** @description Mean agreement with the resolved labels over resolved tasks; null if none is resolved */
                resolvedAgreement: number | null;
                tasks: number;
                userId: string;
                /** @description Units where the resolution kept this annotator’s version */
                won: number;
            }[];
            classes: {
                /** @description Krippendorff’s alpha (nominal) on drew it / did not, over the objects; null when undefined */
                alpha: number | null;
                featureId: string;
                /** @description Mean of the objects’ mean similarity (IoU or point similarity) */
                meanSimilarity: number | null;
                /** @description The object class’s name in the project’s ontology (its feature id if no longer there) */
                name: string;
                /** @description Objects (clusters of the annotators’ drawings) across all tasks */
                units: number;
            }[];
            /** @description The 20 lowest-scoring tasks (ties by task id) */
            disputed: {
                closedAt: string;
                dataUnitName: string;
                score: number;
                /** @enum {string} */
                state: "accepted" | "review" | "resolved";
                taskId: string;
            }[];
            inReview: number;
            questions: {
                /** @description Mean of the tasks’ agreement on the question, 0–1 */
                agreement: number;
                /** @description Krippendorff’s alpha (nominal) over the tasks; null when undefined (no variation or no pairs) */
                alpha: number | null;
                featureId: string;
                /** @description The question’s name in the project’s ontology (its feature id if no longer there) */
                name: string;
                /** @description Tasks where at least one annotator answered the question */
                units: number;
            }[];
            resolved: number;
            score: {
                /** @description Task counts by score: [0, .1), [.1, .2) … [.9, 1] */
                histogram: number[];
                mean: number | null;
                median: number | null;
            };
            /** @description The consensus stage reported on; null if the workflow has none */
            stageId: string | null;
            /** @description The consensus stages of the project’s current workflow */
            stages: {
                id: string;
                name: string;
            }[];
            /** @description Tasks with a closed round in the stage (their latest round counts) */
            tasks: number;
        };
        AgreementReportInput: {
            accepted: number;
            annotators: {
                /** @description Mean agreement with the other annotators of each task, 0–1 */
                agreement: number;
                name: string;
                /** @description Units where the resolution differs from this annotator’s version */
                overruled: number;
                /** @description Mean agreement with the resolved labels over resolved tasks; null if none is resolved */
                resolvedAgreement: number | null;
                tasks: number;
                userId: string;
                /** @description Units where the resolution kept this annotator’s version */
                won: number;
            }[];
            classes: {
                /** @description Krippendorff’s alpha (nominal) on drew it / did not, over the objects; null when undefined */
                alpha: number | null;
                featureId: string;
                /** @description Mean of the objects’ mean similarity (IoU or point similarity) */
                meanSimilarity: number | null;
                /** @description The object class’s name in the project’s ontology (its feature id if no longer there) */
                name: string;
                /** @description Objects (clusters of the annotators’ drawings) across all tasks */
                units: number;
            }[];
            /** @description The 20 lowest-scoring tasks (ties by task id) */
            disputed: {
                closedAt: string;
                dataUnitName: string;
                score: number;
                /** @enum {string} */
                state: "accepted" | "review" | "resolved";
                taskId: string;
            }[];
            inReview: number;
            questions: {
                /** @description Mean of the tasks’ agreement on the question, 0–1 */
                agreement: number;
                /** @description Krippendorff’s alpha (nominal) over the tasks; null when undefined (no variation or no pairs) */
                alpha: number | null;
                featureId: string;
                /** @description The question’s name in the project’s ontology (its feature id if no longer there) */
                name: string;
                /** @description Tasks where at least one annotator answered the question */
                units: number;
            }[];
            resolved: number;
            score: {
                /** @description Task counts by score: [0, .1), [.1, .2) … [.9, 1] */
                histogram: number[];
                mean: number | null;
                median: number | null;
            };
            /** @description The consensus stage reported on; null if the workflow has none */
            stageId: string | null;
            /** @description The consensus stages of the project’s current workflow */
            stages: {
                id: string;
                name: string;
            }[];
            /** @description Tasks with a closed round in the stage (their latest round counts) */
            tasks: number;
        };
        ApiKey: {
            createdAt: string;
            id: string;
            lastUsedAt: string | null;
            name: string;
            revokedAt: string | null;
        };
        ApiKeyInput: {
            createdAt: string;
            id: string;
            lastUsedAt: string | null;
            name: string;
            revokedAt: string | null;
        };
        AuditEntry: {
            action: string;
            actor: {
                email: string | null;
                id: string;
            } | null;
            /** @enum {string} */
            actorKind: "user" | "system" | "anonymous";
            after: unknown;
            apiKeyId: string | null;
            at: string;
            before: unknown;
            id: string;
            ip: string | null;
            requestId: string | null;
            targetId: string | null;
            targetType: string;
        };
        AuditEntryInput: {
            action: string;
            actor: {
                email: string | null;
                id: string;
            } | null;
            /** @enum {string} */
            actorKind: "user" | "system" | "anonymous";
            after: unknown;
            apiKeyId: string | null;
            at: string;
            before: unknown;
            id: string;
            ip: string | null;
            requestId: string | null;
            targetId: string | null;
            targetType: string;
        };
        BenchmarkReport: {
            annotators: {
                flagged: boolean;
                lastScore: number;
                lastScoredAt: string;
                meanScore: number;
                name: string | null;
                scores: number;
                screening: {
                    attempt: number;
                    meanScore: number | null;
                    state: string;
                } | null;
                userId: string;
            }[];
            /** @description Worst first */
            classes: {
                extra: number;
                items: number;
                /** @description The class feature id, or the shape type */
                key: string;
                meanScore: number;
                missed: number;
                wrongClass: number;
            }[];
            days: {
                day: string;
                meanScore: number;
                scores: number;
                userId: string;
            }[];
            /** @description Scores in 10 equal bins over [0, 1] (the last includes 1) */
            histogram: number[];
            meanScore: number | null;
            scores: number;
            /** @description Worst first */
            shapes: {
                extra: number;
                items: number;
                /** @description The class feature id, or the shape type */
                key: string;
                meanScore: number;
                missed: number;
                wrongClass: number;
            }[];
            /** @description Annotators with a mean below it are flagged */
            threshold: number;
        };
        BenchmarkReportInput: {
            annotators: {
                flagged: boolean;
                lastScore: number;
                lastScoredAt: string;
                meanScore: number;
                name: string | null;
                scores: number;
                screening: {
                    attempt: number;
                    meanScore: number | null;
                    state: string;
                } | null;
                userId: string;
            }[];
            /** @description Worst first */
            classes: {
                extra: number;
                items: number;
                /** @description The class feature id, or the shape type */
                key: string;
                meanScore: number;
                missed: number;
                wrongClass: number;
            }[];
            days: {
                day: string;
                meanScore: number;
                scores: number;
                userId: string;
            }[];
            /** @description Scores in 10 equal bins over [0, 1] (the last includes 1) */
            histogram: number[];
            meanScore: number | null;
            scores: number;
            /** @description Worst first */
            shapes: {
                extra: number;
                items: number;
                /** @description The class feature id, or the shape type */
                key: string;
                meanScore: number;
                missed: number;
                wrongClass: number;
            }[];
            /** @description Annotators with a mean below it are flagged */
            threshold: number;
        };
        BenchmarkSettings: {
            monitoring: components["schemas"]["MonitoringSettings"] | null;
            /** @description 0 until first saved */
            revision: number;
            /** @description As saved; what is left out takes the default (docs/benchmark.md) */
            scoring: components["schemas"]["ScoringConfigInput"];
            screening: components["schemas"]["ScreeningSettings"] | null;
            updatedAt: string | null;
        };
        BenchmarkSettingsInput: {
            monitoring: components["schemas"]["MonitoringSettingsInput"] | null;
            /** @description 0 until first saved */
            revision: number;
            /** @description As saved; what is left out takes the default (docs/benchmark.md) */
            scoring: components["schemas"]["ScoringConfigInputInput"];
            screening: components["schemas"]["ScreeningSettingsInput"] | null;
            updatedAt: string | null;
        };
        ConsensusResolution: {
            annotators: {
                /** @description Agreement of their branch with the resolved labels, 0–1 */
                agreement: number;
                annotatorId: string;
                /** @description Objects and answers of theirs it did not */
                overruled: number;
                /** @description Objects and answers of theirs the resolution kept */
                won: number;
            }[];
            base: string;
            note: string | null;
            resolvedAt: string;
            resolvedBy: {
                id: string;
                name: string | null;
            };
            /** @description The main branch’s revision the resolution saved */
            revision: number;
            taken: ({
                clusterKey: string;
                /** @description The annotator whose version was taken */
                from: string;
                /** @constant */
                kind: "object";
            } | {
                featureId: string;
                from: string;
                /** @constant */
                kind: "question";
            } | {
                /** @description The object whose attribute was taken */
                clusterKey: string;
                /** @description The attribute */
                featureId: string;
                from: string;
                /** @constant */
                kind: "attribute";
            })[];
        };
        ConsensusResolutionInput: {
            annotators: {
                /** @description Agreement of their branch with the resolved labels, 0–1 */
                agreement: number;
                annotatorId: string;
                /** @description Objects and answers of theirs it did not */
                overruled: number;
                /** @description Objects and answers of theirs the resolution kept */
                won: number;
            }[];
            base: string;
            note: string | null;
            resolvedAt: string;
            resolvedBy: {
                id: string;
                name: string | null;
            };
            /** @description The main branch’s revision the resolution saved */
            revision: number;
            taken: ({
                clusterKey: string;
                /** @description The annotator whose version was taken */
                from: string;
                /** @constant */
                kind: "object";
            } | {
                featureId: string;
                from: string;
                /** @constant */
                kind: "question";
            } | {
                /** @description The object whose attribute was taken */
                clusterKey: string;
                /** @description The attribute */
                featureId: string;
                from: string;
                /** @constant */
                kind: "attribute";
            })[];
        };
        ConsensusRound: {
            agreement: components["schemas"]["TaskAgreement"];
            branches: {
                /** @description With the other annotators, 0–1 */
                agreement: number;
                annotatorId: string;
                branch: string;
                document: components["schemas"]["LabelDocument"];
                name: string | null;
                revision: number;
            }[];
            closedAt: string;
            /** @enum {string} */
            closedBy: "all_in" | "deadline";
            /** @description The labels the annotators agree on (what auto-accept keeps) */
            consensus: components["schemas"]["LabelDocument"];
            consensusRevision: number;
            /** @description The main branch’s head now */
            mainRevision: number;
            resolution: components["schemas"]["ConsensusResolution"] | null;
            roundId: string;
            score: number;
            /** @description The consensus stage that closed */
            stageId: string;
            /** @enum {string} */
            state: "accepted" | "review" | "resolved";
            taskId: string;
        };
        ConsensusRoundInput: {
            agreement: components["schemas"]["TaskAgreementInput"];
            branches: {
                /** @description With the other annotators, 0–1 */
                agreement: number;
                annotatorId: string;
                branch: string;
                document: components["schemas"]["LabelDocumentInput"];
                name: string | null;
                revision: number;
            }[];
            closedAt: string;
            /** @enum {string} */
            closedBy: "all_in" | "deadline";
            /** @description The labels the annotators agree on (what auto-accept keeps) */
            consensus: components["schemas"]["LabelDocumentInput"];
            consensusRevision: number;
            /** @description The main branch’s head now */
            mainRevision: number;
            resolution: components["schemas"]["ConsensusResolutionInput"] | null;
            roundId: string;
            score: number;
            /** @description The consensus stage that closed */
            stageId: string;
            /** @enum {string} */
            state: "accepted" | "review" | "resolved";
            taskId: string;
        };
        Dataset: {
            createdAt: string;
            description: string;
            id: string;
            /**
             * @description Your role on the dataset (workspace Admins act as its Admin)
             * @enum {string}
             */
            myRole: "admin" | "user";
            name: string;
            revision: number;
            unitCount: number;
            updatedAt: string;
        };
        DatasetAccess: {
            addedAt: string;
            email: string | null;
            name: string;
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "group";
            /** @enum {string} */
            role: "admin" | "user";
        };
        DatasetAccessInput: {
            addedAt: string;
            email: string | null;
            name: string;
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "group";
            /** @enum {string} */
            role: "admin" | "user";
        };
        DatasetInput: {
            createdAt: string;
            description: string;
            id: string;
            /**
             * @description Your role on the dataset (workspace Admins act as its Admin)
             * @enum {string}
             */
            myRole: "admin" | "user";
            name: string;
            revision: number;
            unitCount: number;
            updatedAt: string;
        };
        DataUnit: {
            createdAt: string;
            datasetId: string;
            durationMs: number | null;
            /** @description Where the media is served; null for image groups */
            fileUrl: string | null;
            fps: number | null;
            frameCount: number | null;
            height: number | null;
            id: string;
            /** @description Images in an image group; 1 for every other kind */
            itemCount: number;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            metadata: {
                [key: string]: unknown;
            };
            mimeType: string | null;
            revision: number;
            sizeBytes: number | null;
            /** @enum {string} */
            source: "upload" | "import" | "manifest";
            thumbnailUrl: string | null;
            title: string;
            updatedAt: string;
            width: number | null;
        };
        DataUnitInput: {
            createdAt: string;
            datasetId: string;
            durationMs: number | null;
            /** @description Where the media is served; null for image groups */
            fileUrl: string | null;
            fps: number | null;
            frameCount: number | null;
            height: number | null;
            id: string;
            /** @description Images in an image group; 1 for every other kind */
            itemCount: number;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            metadata: {
                [key: string]: unknown;
            };
            mimeType: string | null;
            revision: number;
            sizeBytes: number | null;
            /** @enum {string} */
            source: "upload" | "import" | "manifest";
            thumbnailUrl: string | null;
            title: string;
            updatedAt: string;
            width: number | null;
        };
        Error: {
            error: {
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                field?: string;
                message: string;
            };
        };
        ErrorInput: {
            error: {
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                field?: string;
                message: string;
            };
        };
        GoldFeedback: {
            attempt: components["schemas"]["ScreeningAttempt"] | null;
            /** @description The gold data unit (null: its gold task was deleted since) */
            dataUnitId: string | null;
            gold: components["schemas"]["LabelDocument"];
            projectId: string;
            /** @enum {string} */
            purpose: "screening" | "monitoring";
            result: components["schemas"]["TaskScore"];
            score: number;
            scoredAt: string;
            /** @description The annotate stage it was served in */
            stageId: string;
            submitted: components["schemas"]["LabelDocument"];
            /** @description The served gold task (deleted once scored) */
            taskId: string;
            userId: string;
        };
        GoldFeedbackInput: {
            attempt: components["schemas"]["ScreeningAttemptInput"] | null;
            /** @description The gold data unit (null: its gold task was deleted since) */
            dataUnitId: string | null;
            gold: components["schemas"]["LabelDocumentInput"];
            projectId: string;
            /** @enum {string} */
            purpose: "screening" | "monitoring";
            result: components["schemas"]["TaskScoreInput"];
            score: number;
            scoredAt: string;
            /** @description The annotate stage it was served in */
            stageId: string;
            submitted: components["schemas"]["LabelDocumentInput"];
            /** @description The served gold task (deleted once scored) */
            taskId: string;
            userId: string;
        };
        GoldSet: {
            createdAt: string;
            description: string;
            id: string;
            name: string;
            projectId: string;
            revision: number;
            taskCount: number;
            updatedAt: string;
        };
        GoldSetDetail: {
            createdAt: string;
            description: string;
            id: string;
            name: string;
            projectId: string;
            revision: number;
            taskCount: number;
            tasks: {
                classifications: number;
                createdAt: string;
                dataUnitId: string;
                id: string;
                objects: number;
                sourceRevision: number | null;
                /** @description The completed task the gold was taken from; null: imported */
                sourceTaskId: string | null;
                title: string;
            }[];
            updatedAt: string;
        };
        GoldSetDetailInput: {
            createdAt: string;
            description: string;
            id: string;
            name: string;
            projectId: string;
            revision: number;
            taskCount: number;
            tasks: {
                classifications: number;
                createdAt: string;
                dataUnitId: string;
                id: string;
                objects: number;
                sourceRevision: number | null;
                /** @description The completed task the gold was taken from; null: imported */
                sourceTaskId: string | null;
                title: string;
            }[];
            updatedAt: string;
        };
        GoldSetInput: {
            createdAt: string;
            description: string;
            id: string;
            name: string;
            projectId: string;
            revision: number;
            taskCount: number;
            updatedAt: string;
        };
        Group: {
            createdAt: string;
            description: string;
            id: string;
            /** @description Who manages the group; null when you may not see that */
            managers: components["schemas"]["GroupManager"][] | null;
            memberCount: number;
            name: string;
            revision: number;
            updatedAt: string;
        };
        GroupInput: {
            createdAt: string;
            description: string;
            id: string;
            /** @description Who manages the group; null when you may not see that */
            managers: components["schemas"]["GroupManagerInput"][] | null;
            memberCount: number;
            name: string;
            revision: number;
            updatedAt: string;
        };
        GroupManager: {
            email: string;
            id: string;
            name: string;
        };
        GroupManagerDetail: {
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
        };
        GroupManagerDetailInput: {
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
        };
        GroupManagerInput: {
            email: string;
            id: string;
            name: string;
        };
        GroupMember: {
            addedAt: string;
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
            /** @enum {string} */
            status: "active" | "deactivated";
        };
        GroupMemberInput: {
            addedAt: string;
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
            /** @enum {string} */
            status: "active" | "deactivated";
        };
        Invite: {
            createdAt: string;
            email: string;
            expiresAt: string;
            id: string;
            invitedBy: string;
            invitedByEmail: string | null;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
        };
        InviteInput: {
            createdAt: string;
            email: string;
            expiresAt: string;
            id: string;
            invitedBy: string;
            invitedByEmail: string | null;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
        };
        Issue: {
            assignee: {
                id: string;
                name: string;
            } | null;
            author: {
                id: string;
                name: string;
            } | null;
            body: string;
            commentCount: number;
            createdAt: string;
            /** @description Equals frameStart for a single frame */
            frameEnd: number | null;
            frameStart: number | null;
            id: string;
            /** @description The label it is pinned to: an object id or classification:<featureId> */
            labelId: string | null;
            mentions: {
                id: string;
                name: string;
            }[];
            /** @description A point of the image, in image pixels */
            pin: {
                x: number;
                y: number;
            } | null;
            projectId: string;
            resolvedAt: string | null;
            resolvedBy: {
                id: string;
                name: string;
            } | null;
            revision: number;
            /** @description The stage the task was in when the issue was raised */
            stageId: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            tags: string[];
            taskId: string;
            taskTitle: string;
            updatedAt: string;
        };
        IssueComment: {
            author: {
                id: string;
                name: string;
            } | null;
            body: string;
            createdAt: string;
            id: string;
        };
        IssueCommentInput: {
            author: {
                id: string;
                name: string;
            } | null;
            body: string;
            createdAt: string;
            id: string;
        };
        IssueDetail: {
            assignee: {
                id: string;
                name: string;
            } | null;
            author: {
                id: string;
                name: string;
            } | null;
            body: string;
            commentCount: number;
            /** @description Oldest first (the first 1000) */
            comments: components["schemas"]["IssueComment"][];
            createdAt: string;
            /** @description Equals frameStart for a single frame */
            frameEnd: number | null;
            frameStart: number | null;
            id: string;
            /** @description The label it is pinned to: an object id or classification:<featureId> */
            labelId: string | null;
            mentions: {
                id: string;
                name: string;
            }[];
            /** @description A point of the image, in image pixels */
            pin: {
                x: number;
                y: number;
            } | null;
            projectId: string;
            resolvedAt: string | null;
            resolvedBy: {
                id: string;
                name: string;
            } | null;
            revision: number;
            /** @description The stage the task was in when the issue was raised */
            stageId: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            tags: string[];
            taskId: string;
            taskTitle: string;
            updatedAt: string;
        };
        IssueDetailInput: {
            assignee: {
                id: string;
                name: string;
            } | null;
            author: {
                id: string;
                name: string;
            } | null;
            body: string;
            commentCount: number;
            /** @description Oldest first (the first 1000) */
            comments: components["schemas"]["IssueCommentInput"][];
            createdAt: string;
            /** @description Equals frameStart for a single frame */
            frameEnd: number | null;
            frameStart: number | null;
            id: string;
            /** @description The label it is pinned to: an object id or classification:<featureId> */
            labelId: string | null;
            mentions: {
                id: string;
                name: string;
            }[];
            /** @description A point of the image, in image pixels */
            pin: {
                x: number;
                y: number;
            } | null;
            projectId: string;
            resolvedAt: string | null;
            resolvedBy: {
                id: string;
                name: string;
            } | null;
            revision: number;
            /** @description The stage the task was in when the issue was raised */
            stageId: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            tags: string[];
            taskId: string;
            taskTitle: string;
            updatedAt: string;
        };
        IssueInput: {
            assignee: {
                id: string;
                name: string;
            } | null;
            author: {
                id: string;
                name: string;
            } | null;
            body: string;
            commentCount: number;
            createdAt: string;
            /** @description Equals frameStart for a single frame */
            frameEnd: number | null;
            frameStart: number | null;
            id: string;
            /** @description The label it is pinned to: an object id or classification:<featureId> */
            labelId: string | null;
            mentions: {
                id: string;
                name: string;
            }[];
            /** @description A point of the image, in image pixels */
            pin: {
                x: number;
                y: number;
            } | null;
            projectId: string;
            resolvedAt: string | null;
            resolvedBy: {
                id: string;
                name: string;
            } | null;
            revision: number;
            /** @description The stage the task was in when the issue was raised */
            stageId: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            tags: string[];
            taskId: string;
            taskTitle: string;
            updatedAt: string;
        };
        /** @description The labels of one data unit: objects drawn and questions answered (see docs/labels.md) */
        LabelDocument: {
            classifications: {
                answers?: {
                    answers?: {
                        answers?: {
                            answers?: unknown[];
                            featureId: string;
                            optionIds?: string[];
                            text?: string;
                        }[];
                        featureId: string;
                        optionIds?: string[];
                        text?: string;
                    }[];
                    featureId: string;
                    optionIds?: string[];
                    text?: string;
                }[];
                featureId: string;
                optionIds?: string[];
                text?: string;
            }[];
            /** @constant */
            formatVersion: 1;
            objects: {
                attributes: {
                    answers?: {
                        answers?: {
                            answers?: {
                                answers?: unknown[];
                                featureId: string;
                                optionIds?: string[];
                                text?: string;
                            }[];
                            featureId: string;
                            optionIds?: string[];
                            text?: string;
                        }[];
                        featureId: string;
                        optionIds?: string[];
                        text?: string;
                    }[];
                    featureId: string;
                    optionIds?: string[];
                    text?: string;
                }[];
                confidence?: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                featureId: string;
                geometry: {
                    h: number;
                    /** @constant */
                    type: "bounding_box";
                    w: number;
                    x: number;
                    y: number;
                } | {
                    angle: number;
                    cx: number;
                    cy: number;
                    h: number;
                    /** @constant */
                    type: "rotatable_box";
                    w: number;
                } | {
                    points: [
                        number,
                        number
                    ][];
                    /** @constant */
                    type: "polygon";
                } | {
                    points: [
                        number,
                        number
                    ][];
                    /** @constant */
                    type: "polyline";
                } | {
                    /** @constant */
                    type: "point";
                    x: number;
                    y: number;
                } | {
                    keypoints: {
                        pointId: string;
                        visible: boolean;
                        x: number;
                        y: number;
                    }[];
                    /** @constant */
                    type: "keypoint_skeleton";
                };
                id: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
            }[];
        };
        /** @description The labels of one data unit: objects drawn and questions answered (see docs/labels.md) */
        LabelDocumentInput: {
            classifications: {
                answers?: {
                    answers?: {
                        answers?: {
                            answers?: unknown[];
                            featureId: string;
                            optionIds?: string[];
                            text?: string;
                        }[];
                        featureId: string;
                        optionIds?: string[];
                        text?: string;
                    }[];
                    featureId: string;
                    optionIds?: string[];
                    text?: string;
                }[];
                featureId: string;
                optionIds?: string[];
                text?: string;
            }[];
            /** @constant */
            formatVersion: 1;
            objects: {
                attributes: {
                    answers?: {
                        answers?: {
                            answers?: {
                                answers?: unknown[];
                                featureId: string;
                                optionIds?: string[];
                                text?: string;
                            }[];
                            featureId: string;
                            optionIds?: string[];
                            text?: string;
                        }[];
                        featureId: string;
                        optionIds?: string[];
                        text?: string;
                    }[];
                    featureId: string;
                    optionIds?: string[];
                    text?: string;
                }[];
                confidence?: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                featureId: string;
                geometry: {
                    h: number;
                    /** @constant */
                    type: "bounding_box";
                    w: number;
                    x: number;
                    y: number;
                } | {
                    angle: number;
                    cx: number;
                    cy: number;
                    h: number;
                    /** @constant */
                    type: "rotatable_box";
                    w: number;
                } | {
                    points: [
                        number,
                        number
                    ][];
                    /** @constant */
                    type: "polygon";
                } | {
                    points: [
                        number,
                        number
                    ][];
                    /** @constant */
                    type: "polyline";
                } | {
                    /** @constant */
                    type: "point";
                    x: number;
                    y: number;
                } | {
                    keypoints: {
                        pointId: string;
                        visible: boolean;
                        x: number;
                        y: number;
                    }[];
                    /** @constant */
                    type: "keypoint_skeleton";
                };
                id: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
            }[];
        };
        LabelReview: {
            /** @description The label differs from the revision the last decision saw, or is new since */
            changedSinceDecision: boolean;
            decidedAt: string | null;
            featureId: string;
            /** @enum {string} */
            kind: "object" | "classification";
            labelId: string;
            reason: string | null;
            /** @description Decided before, no longer in the labels */
            removed: boolean;
            reviewer: {
                id: string;
                name: string;
            } | null;
            /** @description The stage the decision was made in */
            stageId: string | null;
            /** @enum {string} */
            status: "new" | "approved" | "rejected" | "resolved" | "reopened";
            tags: string[];
        };
        LabelReviewInput: {
            /** @description The label differs from the revision the last decision saw, or is new since */
            changedSinceDecision: boolean;
            decidedAt: string | null;
            featureId: string;
            /** @enum {string} */
            kind: "object" | "classification";
            labelId: string;
            reason: string | null;
            /** @description Decided before, no longer in the labels */
            removed: boolean;
            reviewer: {
                id: string;
                name: string;
            } | null;
            /** @description The stage the decision was made in */
            stageId: string | null;
            /** @enum {string} */
            status: "new" | "approved" | "rejected" | "resolved" | "reopened";
            tags: string[];
        };
        LabelRevision: {
            author: {
                id: string;
                /** @constant */
                kind: "user";
                name: string | null;
            } | {
                /** @constant */
                kind: "model";
                name: string;
            };
            baseRevision: number | null;
            /** @description Objects added, changed, removed (and by feature) */
            changes: {
                [key: string]: unknown;
            };
            createdAt: string;
            revision: number;
        };
        LabelRevisionInput: {
            author: {
                id: string;
                /** @constant */
                kind: "user";
                name: string | null;
            } | {
                /** @constant */
                kind: "model";
                name: string;
            };
            baseRevision: number | null;
            /** @description Objects added, changed, removed (and by feature) */
            changes: {
                [key: string]: unknown;
            };
            createdAt: string;
            revision: number;
        };
        Labels: {
            branch: string;
            document: components["schemas"]["LabelDocument"];
            /** @description 0 before the first save */
            revision: number;
            savedAt: string | null;
            taskId: string;
        };
        LabelsInput: {
            branch: string;
            document: components["schemas"]["LabelDocumentInput"];
            /** @description 0 before the first save */
            revision: number;
            savedAt: string | null;
            taskId: string;
        };
        MonitoringSettings: {
            /** @description One task in N an annotator is served is a gold task (N − 1 real tasks, then one gold) */
            everyN: number;
            goldSetId: string;
            /** @description The annotate stages to mix gold into; empty: every annotate stage */
            stageIds: string[];
        };
        MonitoringSettingsInput: {
            /** @description One task in N an annotator is served is a gold task (N − 1 real tasks, then one gold) */
            everyN: number;
            goldSetId: string;
            /** @description The annotate stages to mix gold into; empty: every annotate stage */
            stageIds: string[];
        };
        ObjectCluster: {
            /** @description Mean pairwise agreement on this object (0 where one of a pair lacks it) */
            agreement: number;
            attributes: components["schemas"]["QuestionAgreement"][];
            featureId: string;
            /** @description Stable within the round: the class and the first member’s object id */
            key: string;
            /** @description Mean IoU (or point similarity) of the members */
            meanSimilarity: number | null;
            members: {
                annotatorId: string;
                objectId: string;
            }[];
            /** @description Annotators who did not draw this object */
            missing: string[];
        };
        ObjectClusterInput: {
            /** @description Mean pairwise agreement on this object (0 where one of a pair lacks it) */
            agreement: number;
            attributes: components["schemas"]["QuestionAgreementInput"][];
            featureId: string;
            /** @description Stable within the round: the class and the first member’s object id */
            key: string;
            /** @description Mean IoU (or point similarity) of the members */
            meanSimilarity: number | null;
            members: {
                annotatorId: string;
                objectId: string;
            }[];
            /** @description Annotators who did not draw this object */
            missing: string[];
        };
        Ontology: {
            createdAt: string;
            /** @description The version the editor shows and new projects pin */
            currentVersion: number;
            description: string;
            id: string;
            /**
             * @description Your role on the ontology (workspace Admins act as its Admin)
             * @enum {string}
             */
            myRole: "admin" | "user";
            name: string;
            /** @description Projects that pin any version of this ontology */
            projectCount: number;
            revision: number;
            updatedAt: string;
        };
        OntologyAccess: {
            addedAt: string;
            email: string | null;
            name: string;
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "group";
            /** @enum {string} */
            role: "admin" | "user";
        };
        OntologyAccessInput: {
            addedAt: string;
            email: string | null;
            name: string;
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "group";
            /** @enum {string} */
            role: "admin" | "user";
        };
        OntologyDetail: {
            createdAt: string;
            /** @description The version the editor shows and new projects pin */
            currentVersion: number;
            description: string;
            id: string;
            /**
             * @description Your role on the ontology (workspace Admins act as its Admin)
             * @enum {string}
             */
            myRole: "admin" | "user";
            name: string;
            /** @description Versions projects pin; saving while the current one is pinned creates a new version */
            pinnedVersions: number[];
            /** @description Projects that pin any version of this ontology */
            projectCount: number;
            revision: number;
            schema: components["schemas"]["OntologyDocument"];
            updatedAt: string;
        };
        OntologyDetailInput: {
            createdAt: string;
            /** @description The version the editor shows and new projects pin */
            currentVersion: number;
            description: string;
            id: string;
            /**
             * @description Your role on the ontology (workspace Admins act as its Admin)
             * @enum {string}
             */
            myRole: "admin" | "user";
            name: string;
            /** @description Versions projects pin; saving while the current one is pinned creates a new version */
            pinnedVersions: number[];
            /** @description Projects that pin any version of this ontology */
            projectCount: number;
            revision: number;
            schema: components["schemas"]["OntologyDocumentInput"];
            updatedAt: string;
        };
        /** @description An ontology: objects to draw and questions to answer (see docs/ontologies.md) */
        OntologyDocument: {
            classifications: {
                archived?: boolean;
                dynamic?: boolean;
                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                featureId: string;
                /** @enum {string} */
                kind: "radio" | "checklist" | "text";
                name: string;
                options?: {
                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                    featureId: string;
                    label: string;
                    questions?: {
                        archived?: boolean;
                        dynamic?: boolean;
                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                        featureId: string;
                        /** @enum {string} */
                        kind: "radio" | "checklist" | "text";
                        name: string;
                        options?: {
                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                            featureId: string;
                            label: string;
                            questions?: {
                                archived?: boolean;
                                dynamic?: boolean;
                                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                featureId: string;
                                /** @enum {string} */
                                kind: "radio" | "checklist" | "text";
                                name: string;
                                options?: {
                                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                    featureId: string;
                                    label: string;
                                    questions?: {
                                        archived?: boolean;
                                        dynamic?: boolean;
                                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                        featureId: string;
                                        /** @enum {string} */
                                        kind: "radio" | "checklist" | "text";
                                        name: string;
                                        options?: {
                                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                            featureId: string;
                                            label: string;
                                            questions?: unknown[];
                                        }[];
                                        required?: boolean;
                                    }[];
                                }[];
                                required?: boolean;
                            }[];
                        }[];
                        required?: boolean;
                    }[];
                }[];
                required?: boolean;
            }[];
            /** @constant */
            formatVersion: 1;
            objects: {
                archived?: boolean;
                attributes: {
                    archived?: boolean;
                    dynamic?: boolean;
                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                    featureId: string;
                    /** @enum {string} */
                    kind: "radio" | "checklist" | "text";
                    name: string;
                    options?: {
                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                        featureId: string;
                        label: string;
                        questions?: {
                            archived?: boolean;
                            dynamic?: boolean;
                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                            featureId: string;
                            /** @enum {string} */
                            kind: "radio" | "checklist" | "text";
                            name: string;
                            options?: {
                                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                featureId: string;
                                label: string;
                                questions?: {
                                    archived?: boolean;
                                    dynamic?: boolean;
                                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                    featureId: string;
                                    /** @enum {string} */
                                    kind: "radio" | "checklist" | "text";
                                    name: string;
                                    options?: {
                                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                        featureId: string;
                                        label: string;
                                        questions?: {
                                            archived?: boolean;
                                            dynamic?: boolean;
                                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                            featureId: string;
                                            /** @enum {string} */
                                            kind: "radio" | "checklist" | "text";
                                            name: string;
                                            options?: {
                                                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                                featureId: string;
                                                label: string;
                                                questions?: unknown[];
                                            }[];
                                            required?: boolean;
                                        }[];
                                    }[];
                                    required?: boolean;
                                }[];
                            }[];
                            required?: boolean;
                        }[];
                    }[];
                    required?: boolean;
                }[];
                color: string;
                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                featureId: string;
                /** @description One key, unique across the objects */
                hotkey?: string;
                name: string;
                required?: boolean;
                /** @enum {string} */
                shape: "bounding_box" | "rotatable_box" | "polygon" | "polyline" | "point" | "keypoint_skeleton" | "bitmask";
                skeleton?: {
                    edges: [
                        string,
                        string
                    ][];
                    points: {
                        id: string;
                        name: string;
                    }[];
                };
            }[];
        };
        /** @description An ontology: objects to draw and questions to answer (see docs/ontologies.md) */
        OntologyDocumentInput: {
            classifications: {
                archived?: boolean;
                dynamic?: boolean;
                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                featureId: string;
                /** @enum {string} */
                kind: "radio" | "checklist" | "text";
                name: string;
                options?: {
                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                    featureId: string;
                    label: string;
                    questions?: {
                        archived?: boolean;
                        dynamic?: boolean;
                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                        featureId: string;
                        /** @enum {string} */
                        kind: "radio" | "checklist" | "text";
                        name: string;
                        options?: {
                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                            featureId: string;
                            label: string;
                            questions?: {
                                archived?: boolean;
                                dynamic?: boolean;
                                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                featureId: string;
                                /** @enum {string} */
                                kind: "radio" | "checklist" | "text";
                                name: string;
                                options?: {
                                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                    featureId: string;
                                    label: string;
                                    questions?: {
                                        archived?: boolean;
                                        dynamic?: boolean;
                                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                        featureId: string;
                                        /** @enum {string} */
                                        kind: "radio" | "checklist" | "text";
                                        name: string;
                                        options?: {
                                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                            featureId: string;
                                            label: string;
                                            questions?: unknown[];
                                        }[];
                                        required?: boolean;
                                    }[];
                                }[];
                                required?: boolean;
                            }[];
                        }[];
                        required?: boolean;
                    }[];
                }[];
                required?: boolean;
            }[];
            /** @constant */
            formatVersion: 1;
            objects: {
                archived?: boolean;
                attributes: {
                    archived?: boolean;
                    dynamic?: boolean;
                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                    featureId: string;
                    /** @enum {string} */
                    kind: "radio" | "checklist" | "text";
                    name: string;
                    options?: {
                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                        featureId: string;
                        label: string;
                        questions?: {
                            archived?: boolean;
                            dynamic?: boolean;
                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                            featureId: string;
                            /** @enum {string} */
                            kind: "radio" | "checklist" | "text";
                            name: string;
                            options?: {
                                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                featureId: string;
                                label: string;
                                questions?: {
                                    archived?: boolean;
                                    dynamic?: boolean;
                                    /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                    featureId: string;
                                    /** @enum {string} */
                                    kind: "radio" | "checklist" | "text";
                                    name: string;
                                    options?: {
                                        /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                        featureId: string;
                                        label: string;
                                        questions?: {
                                            archived?: boolean;
                                            dynamic?: boolean;
                                            /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                            featureId: string;
                                            /** @enum {string} */
                                            kind: "radio" | "checklist" | "text";
                                            name: string;
                                            options?: {
                                                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                                                featureId: string;
                                                label: string;
                                                questions?: unknown[];
                                            }[];
                                            required?: boolean;
                                        }[];
                                    }[];
                                    required?: boolean;
                                }[];
                            }[];
                            required?: boolean;
                        }[];
                    }[];
                    required?: boolean;
                }[];
                color: string;
                /** @description Stable id of the feature; labels refer to it, so it never changes once saved */
                featureId: string;
                /** @description One key, unique across the objects */
                hotkey?: string;
                name: string;
                required?: boolean;
                /** @enum {string} */
                shape: "bounding_box" | "rotatable_box" | "polygon" | "polyline" | "point" | "keypoint_skeleton" | "bitmask";
                skeleton?: {
                    edges: [
                        string,
                        string
                    ][];
                    points: {
                        id: string;
                        name: string;
                    }[];
                };
            }[];
        };
        OntologyExport: {
            /** @default  */
            description: string;
            formatVersion: number;
            /** @constant */
            gloss: "ontology";
            name: string;
            schema: components["schemas"]["OntologyDocument"];
        };
        OntologyExportInput: {
            /** @default  */
            description: string;
            formatVersion: number;
            /** @constant */
            gloss: "ontology";
            name: string;
            schema: components["schemas"]["OntologyDocumentInput"];
        };
        OntologyInput: {
            createdAt: string;
            /** @description The version the editor shows and new projects pin */
            currentVersion: number;
            description: string;
            id: string;
            /**
             * @description Your role on the ontology (workspace Admins act as its Admin)
             * @enum {string}
             */
            myRole: "admin" | "user";
            name: string;
            /** @description Projects that pin any version of this ontology */
            projectCount: number;
            revision: number;
            updatedAt: string;
        };
        OntologyVersion: {
            createdAt: string;
            createdBy: {
                id: string;
                name: string;
            } | null;
            /** @description Projects that pin this version */
            projectCount: number;
            version: number;
        };
        OntologyVersionDetail: {
            createdAt: string;
            createdBy: {
                id: string;
                name: string;
            } | null;
            /** @description Projects that pin this version */
            projectCount: number;
            schema: components["schemas"]["OntologyDocument"];
            version: number;
        };
        OntologyVersionDetailInput: {
            createdAt: string;
            createdBy: {
                id: string;
                name: string;
            } | null;
            /** @description Projects that pin this version */
            projectCount: number;
            schema: components["schemas"]["OntologyDocumentInput"];
            version: number;
        };
        OntologyVersionInput: {
            createdAt: string;
            createdBy: {
                id: string;
                name: string;
            } | null;
            /** @description Projects that pin this version */
            projectCount: number;
            version: number;
        };
        Project: {
            createdAt: string;
            datasets: {
                id: string;
                name: string;
            }[];
            description: string;
            id: string;
            /**
             * @description The role you act with here (a workspace Admin acts as Admin)
             * @enum {string}
             */
            myRole: "admin" | "team_manager" | "annotator_reviewer" | "reviewer" | "annotator";
            name: string;
            ontology: {
                id: string;
                name: string;
                version: number;
            } | null;
            revision: number;
            /** @enum {string} */
            status: "not_started" | "in_progress" | "paused" | "completed" | "cancelled" | "archived";
            statusChangedAt: string;
            statusReason: string | null;
            tags: string[];
            taskCount: number;
            updatedAt: string;
        };
        ProjectAnalytics: {
            classes: {
                featureId: string;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string;
                rejectionRate: number | null;
            }[];
            days: {
                activeMs: number;
                day: string;
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            }[];
            forecast: {
                finishDay: string | null;
                perDay: number;
                remaining: number;
                windowDays: number;
            } | null;
            issues: {
                byAnnotator: {
                    name: string | null;
                    open: number;
                    resolved: number;
                    userId: string;
                }[];
                byReviewer: {
                    name: string | null;
                    open: number;
                    resolved: number;
                    userId: string;
                }[];
            };
            people: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                /** @description Reviewed labels of theirs that were rejected */
                labelRejectionRate: number | null;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string | null;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                time: {
                    meanMs: number | null;
                    medianMs: number | null;
                    p90Ms: number | null;
                    /** @description Times on a task: one per task, person and stage */
                    tasks: number;
                    totalMs: number;
                };
                userId: string;
                work_approved: number;
                work_rejected: number;
            }[];
            queue: {
                day: string;
                depth: number;
                stageId: string;
            }[] | null;
            scope: {
                team: boolean;
                userId: string | null;
            };
            stages: {
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                stageId: string;
                stageName: string;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                time: {
                    meanMs: number | null;
                    medianMs: number | null;
                    p90Ms: number | null;
                    /** @description Times on a task: one per task, person and stage */
                    tasks: number;
                    totalMs: number;
                };
                work_approved: number;
                work_rejected: number;
            }[];
            totals: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            };
            weeks: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                /** @description Its Monday */
                week: string;
                work_approved: number;
                work_rejected: number;
            }[];
        };
        ProjectAnalyticsInput: {
            classes: {
                featureId: string;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string;
                rejectionRate: number | null;
            }[];
            days: {
                activeMs: number;
                day: string;
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            }[];
            forecast: {
                finishDay: string | null;
                perDay: number;
                remaining: number;
                windowDays: number;
            } | null;
            issues: {
                byAnnotator: {
                    name: string | null;
                    open: number;
                    resolved: number;
                    userId: string;
                }[];
                byReviewer: {
                    name: string | null;
                    open: number;
                    resolved: number;
                    userId: string;
                }[];
            };
            people: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                /** @description Reviewed labels of theirs that were rejected */
                labelRejectionRate: number | null;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string | null;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                time: {
                    meanMs: number | null;
                    medianMs: number | null;
                    p90Ms: number | null;
                    /** @description Times on a task: one per task, person and stage */
                    tasks: number;
                    totalMs: number;
                };
                userId: string;
                work_approved: number;
                work_rejected: number;
            }[];
            queue: {
                day: string;
                depth: number;
                stageId: string;
            }[] | null;
            scope: {
                team: boolean;
                userId: string | null;
            };
            stages: {
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                stageId: string;
                stageName: string;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                time: {
                    meanMs: number | null;
                    medianMs: number | null;
                    p90Ms: number | null;
                    /** @description Times on a task: one per task, person and stage */
                    tasks: number;
                    totalMs: number;
                };
                work_approved: number;
                work_rejected: number;
            }[];
            totals: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            };
            weeks: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                /** @description Its Monday */
                week: string;
                work_approved: number;
                work_rejected: number;
            }[];
        };
        ProjectInput: {
            createdAt: string;
            datasets: {
                id: string;
                name: string;
            }[];
            description: string;
            id: string;
            /**
             * @description The role you act with here (a workspace Admin acts as Admin)
             * @enum {string}
             */
            myRole: "admin" | "team_manager" | "annotator_reviewer" | "reviewer" | "annotator";
            name: string;
            ontology: {
                id: string;
                name: string;
                version: number;
            } | null;
            revision: number;
            /** @enum {string} */
            status: "not_started" | "in_progress" | "paused" | "completed" | "cancelled" | "archived";
            statusChangedAt: string;
            statusReason: string | null;
            tags: string[];
            taskCount: number;
            updatedAt: string;
        };
        ProjectMember: {
            addedAt: string;
            /** @description null for groups and for users you may not see */
            email: string | null;
            name: string | null;
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "group";
            /** @enum {string} */
            role: "admin" | "team_manager" | "annotator_reviewer" | "reviewer" | "annotator";
        };
        ProjectMemberInput: {
            addedAt: string;
            /** @description null for groups and for users you may not see */
            email: string | null;
            name: string | null;
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "group";
            /** @enum {string} */
            role: "admin" | "team_manager" | "annotator_reviewer" | "reviewer" | "annotator";
        };
        ProjectWorkflow: {
            createdAt: string;
            createdBy: string | null;
            /** @description What the person who saved it said about the change */
            note: string;
            /** @description The template this version was made from (`builtin:<key>` or a saved template id); null when edited */
            templateId: string | null;
            /** @description Versions count up from 1 (the workflow the project was created with) */
            version: number;
            workflow: components["schemas"]["Workflow"];
        };
        ProjectWorkflowInput: {
            createdAt: string;
            createdBy: string | null;
            /** @description What the person who saved it said about the change */
            note: string;
            /** @description The template this version was made from (`builtin:<key>` or a saved template id); null when edited */
            templateId: string | null;
            /** @description Versions count up from 1 (the workflow the project was created with) */
            version: number;
            workflow: components["schemas"]["WorkflowInput"];
        };
        ProjectWorkflowVersion: {
            createdAt: string;
            createdBy: string | null;
            /** @description What the person who saved it said about the change */
            note: string;
            /** @description The template this version was made from (`builtin:<key>` or a saved template id); null when edited */
            templateId: string | null;
            /** @description Versions count up from 1 (the workflow the project was created with) */
            version: number;
        };
        ProjectWorkflowVersionInput: {
            createdAt: string;
            createdBy: string | null;
            /** @description What the person who saved it said about the change */
            note: string;
            /** @description The template this version was made from (`builtin:<key>` or a saved template id); null when edited */
            templateId: string | null;
            /** @description Versions count up from 1 (the workflow the project was created with) */
            version: number;
        };
        QuestionAgreement: {
            /** @description Share of annotator pairs that answered alike, 0–1 */
            agreement: number;
            featureId: string;
            majority: string | null;
            /** @description Annotator id → the canonical form of their answer (null: unanswered) */
            values: {
                [key: string]: string | null;
            };
        };
        QuestionAgreementInput: {
            /** @description Share of annotator pairs that answered alike, 0–1 */
            agreement: number;
            featureId: string;
            majority: string | null;
            /** @description Annotator id → the canonical form of their answer (null: unanswered) */
            values: {
                [key: string]: string | null;
            };
        };
        QueueTask: {
            assigneeId: string | null;
            assigneeName: string | null;
            createdAt: string;
            datasetId: string;
            datasetName: string;
            dataUnitId: string;
            holders: {
                leaseExpiresAt: string | null;
                name: string | null;
                pinned: boolean;
                /** @enum {string} */
                state: "active" | "submitted";
                userId: string;
            }[];
            id: string;
            /** @description Issues on the task, open or resolved */
            issues: number;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            leaseExpiresAt: string | null;
            /** @description Issues on the task still open */
            openIssues: number;
            priority: number;
            projectId: string;
            revision: number;
            /** @description Present on a screening task only (monitoring gold tasks look like any other task) */
            screening?: {
                /** @description The screening attempt this task belongs to */
                attempt: number;
                /** @description Training mode: the labels are shown against the gold after submitting */
                feedback: boolean;
                /** @description How many tasks the attempt has */
                of: number;
                /** @description Which of the attempt’s tasks this is, from 1 */
                position: number;
            };
            stageEnteredAt: string | null;
            stageId: string;
            stageName: string;
            /** @enum {string} */
            stageType: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            /** @enum {string} */
            status: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
            title: string;
            updatedAt: string | null;
        };
        QueueTaskInput: {
            assigneeId: string | null;
            assigneeName: string | null;
            createdAt: string;
            datasetId: string;
            datasetName: string;
            dataUnitId: string;
            holders: {
                leaseExpiresAt: string | null;
                name: string | null;
                pinned: boolean;
                /** @enum {string} */
                state: "active" | "submitted";
                userId: string;
            }[];
            id: string;
            /** @description Issues on the task, open or resolved */
            issues: number;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            leaseExpiresAt: string | null;
            /** @description Issues on the task still open */
            openIssues: number;
            priority: number;
            projectId: string;
            revision: number;
            /** @description Present on a screening task only (monitoring gold tasks look like any other task) */
            screening?: {
                /** @description The screening attempt this task belongs to */
                attempt: number;
                /** @description Training mode: the labels are shown against the gold after submitting */
                feedback: boolean;
                /** @description How many tasks the attempt has */
                of: number;
                /** @description Which of the attempt’s tasks this is, from 1 */
                position: number;
            };
            stageEnteredAt: string | null;
            stageId: string;
            stageName: string;
            /** @enum {string} */
            stageType: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            /** @enum {string} */
            status: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
            title: string;
            updatedAt: string | null;
        };
        ReviewSheet: {
            items: components["schemas"]["LabelReview"][];
            /** @description The main branch’s head revision (0 before the first save) */
            labelRevision: number;
        };
        ReviewSheetInput: {
            items: components["schemas"]["LabelReviewInput"][];
            /** @description The main branch’s head revision (0 before the first save) */
            labelRevision: number;
        };
        ScoringConfigInput: {
            /** @description Object class feature id → weight */
            classWeights?: {
                [key: string]: number;
            };
            /** @description Points, polylines, skeletons: pixels at which similarity is exp(-1/2) */
            pointTolerance?: number;
            /** @description Classification feature id → weight */
            questionWeights?: {
                [key: string]: number;
            };
            /** @description Minimum similarity (IoU for areas) for a submitted object to match a gold one, per shape type */
            thresholds?: {
                bounding_box?: number;
                keypoint_skeleton?: number;
                point?: number;
                polygon?: number;
                polyline?: number;
                rotatable_box?: number;
            };
            /** @description Weights of the components of a matched object’s score */
            weights?: {
                attributes?: number;
                class?: number;
                localisation?: number;
            };
        };
        ScoringConfigInputInput: {
            /** @description Object class feature id → weight */
            classWeights?: {
                [key: string]: number;
            };
            /** @description Points, polylines, skeletons: pixels at which similarity is exp(-1/2) */
            pointTolerance?: number;
            /** @description Classification feature id → weight */
            questionWeights?: {
                [key: string]: number;
            };
            /** @description Minimum similarity (IoU for areas) for a submitted object to match a gold one, per shape type */
            thresholds?: {
                bounding_box?: number;
                keypoint_skeleton?: number;
                point?: number;
                polygon?: number;
                polyline?: number;
                rotatable_box?: number;
            };
            /** @description Weights of the components of a matched object’s score */
            weights?: {
                attributes?: number;
                class?: number;
                localisation?: number;
            };
        };
        ScreeningAttempt: {
            finishedAt: string | null;
            id: string;
            meanScore: number | null;
            number: number;
            passThreshold: number;
            /** @description Gold tasks of the attempt scored so far */
            scored: number;
            startedAt: string;
            /** @enum {string} */
            state: "in_progress" | "passed" | "failed";
            taskCount: number;
            userId: string;
        };
        ScreeningAttemptInput: {
            finishedAt: string | null;
            id: string;
            meanScore: number | null;
            number: number;
            passThreshold: number;
            /** @description Gold tasks of the attempt scored so far */
            scored: number;
            startedAt: string;
            /** @enum {string} */
            state: "in_progress" | "passed" | "failed";
            taskCount: number;
            userId: string;
        };
        ScreeningSettings: {
            /** @description Training mode: after each screening task the annotator sees their labels against the gold */
            feedback: boolean;
            goldSetId: string;
            /** @description Attempts allowed (1: no retry) */
            maxAttempts: number;
            /** @description The mean score an attempt needs to pass */
            passThreshold: number;
            /** @description K: gold tasks per attempt */
            taskCount: number;
        };
        ScreeningSettingsInput: {
            /** @description Training mode: after each screening task the annotator sees their labels against the gold */
            feedback: boolean;
            goldSetId: string;
            /** @description Attempts allowed (1: no retry) */
            maxAttempts: number;
            /** @description The mean score an attempt needs to pass */
            passThreshold: number;
            /** @description K: gold tasks per attempt */
            taskCount: number;
        };
        ScreeningStatus: {
            attempts: {
                finishedAt: string | null;
                id: string;
                meanScore: number | null;
                name: string | null;
                number: number;
                passThreshold: number;
                /** @description Gold tasks of the attempt scored so far */
                scored: number;
                startedAt: string;
                /** @enum {string} */
                state: "in_progress" | "passed" | "failed";
                taskCount: number;
                userId: string;
            }[];
            /** @description null: the project screens nobody */
            screening: {
                feedback: boolean;
                maxAttempts: number;
                passThreshold: number;
                taskCount: number;
            } | null;
        };
        ScreeningStatusInput: {
            attempts: {
                finishedAt: string | null;
                id: string;
                meanScore: number | null;
                name: string | null;
                number: number;
                passThreshold: number;
                /** @description Gold tasks of the attempt scored so far */
                scored: number;
                startedAt: string;
                /** @enum {string} */
                state: "in_progress" | "passed" | "failed";
                taskCount: number;
                userId: string;
            }[];
            /** @description null: the project screens nobody */
            screening: {
                feedback: boolean;
                maxAttempts: number;
                passThreshold: number;
                taskCount: number;
            } | null;
        };
        Session: {
            csrfToken: string;
            user: components["schemas"]["User"];
        };
        SessionInput: {
            csrfToken: string;
            user: components["schemas"]["UserInput"];
        };
        Task: {
            assigneeId: string | null;
            assigneeName: string | null;
            createdAt: string;
            datasetId: string;
            datasetName: string;
            dataUnitId: string;
            holders: {
                leaseExpiresAt: string | null;
                name: string | null;
                pinned: boolean;
                /** @enum {string} */
                state: "active" | "submitted";
                userId: string;
            }[];
            id: string;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            leaseExpiresAt: string | null;
            priority: number;
            projectId: string;
            revision: number;
            /** @description Present on a screening task only (monitoring gold tasks look like any other task) */
            screening?: {
                /** @description The screening attempt this task belongs to */
                attempt: number;
                /** @description Training mode: the labels are shown against the gold after submitting */
                feedback: boolean;
                /** @description How many tasks the attempt has */
                of: number;
                /** @description Which of the attempt’s tasks this is, from 1 */
                position: number;
            };
            stageEnteredAt: string | null;
            stageId: string;
            stageName: string;
            /** @enum {string} */
            stageType: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            /** @enum {string} */
            status: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
            title: string;
            updatedAt: string | null;
        };
        TaskAgreement: {
            annotatorIds: string[];
            annotators: {
                agreement: number;
                annotatorId: string;
            }[];
            classes: {
                agreement: number;
                clusters: number;
                featureId: string;
                meanSimilarity: number | null;
            }[];
            objects: components["schemas"]["ObjectCluster"][];
            questions: components["schemas"]["QuestionAgreement"][];
            /** @description The task’s agreement, 0–1: the mean over its objects and questions */
            score: number;
        };
        TaskAgreementInput: {
            annotatorIds: string[];
            annotators: {
                agreement: number;
                annotatorId: string;
            }[];
            classes: {
                agreement: number;
                clusters: number;
                featureId: string;
                meanSimilarity: number | null;
            }[];
            objects: components["schemas"]["ObjectClusterInput"][];
            questions: components["schemas"]["QuestionAgreementInput"][];
            /** @description The task’s agreement, 0–1: the mean over its objects and questions */
            score: number;
        };
        TaskDetail: {
            /** @description What you may do with the task now */
            actions: ("claim" | "submit" | "skip" | "release" | "approve" | "reject")[];
            assigneeId: string | null;
            assigneeName: string | null;
            createdAt: string;
            datasetId: string;
            datasetName: string;
            dataUnit: components["schemas"]["DataUnit"];
            dataUnitId: string;
            holders: {
                leaseExpiresAt: string | null;
                name: string | null;
                pinned: boolean;
                /** @enum {string} */
                state: "active" | "submitted";
                userId: string;
            }[];
            id: string;
            /** @description Issues on the task, open or resolved */
            issues: number;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            leaseExpiresAt: string | null;
            /** @description You hold the task now */
            mine: boolean;
            /** @description Issues on the task still open */
            openIssues: number;
            priority: number;
            projectId: string;
            /** @enum {string} */
            projectStatus: "not_started" | "in_progress" | "paused" | "completed" | "cancelled" | "archived";
            revision: number;
            /** @description Present on a screening task only (monitoring gold tasks look like any other task) */
            screening?: {
                /** @description The screening attempt this task belongs to */
                attempt: number;
                /** @description Training mode: the labels are shown against the gold after submitting */
                feedback: boolean;
                /** @description How many tasks the attempt has */
                of: number;
                /** @description Which of the attempt’s tasks this is, from 1 */
                position: number;
            };
            stageEnteredAt: string | null;
            stageId: string;
            stageName: string;
            /** @enum {string} */
            stageType: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            /** @enum {string} */
            status: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
            title: string;
            updatedAt: string | null;
        };
        TaskDetailInput: {
            /** @description What you may do with the task now */
            actions: ("claim" | "submit" | "skip" | "release" | "approve" | "reject")[];
            assigneeId: string | null;
            assigneeName: string | null;
            createdAt: string;
            datasetId: string;
            datasetName: string;
            dataUnit: components["schemas"]["DataUnitInput"];
            dataUnitId: string;
            holders: {
                leaseExpiresAt: string | null;
                name: string | null;
                pinned: boolean;
                /** @enum {string} */
                state: "active" | "submitted";
                userId: string;
            }[];
            id: string;
            /** @description Issues on the task, open or resolved */
            issues: number;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            leaseExpiresAt: string | null;
            /** @description You hold the task now */
            mine: boolean;
            /** @description Issues on the task still open */
            openIssues: number;
            priority: number;
            projectId: string;
            /** @enum {string} */
            projectStatus: "not_started" | "in_progress" | "paused" | "completed" | "cancelled" | "archived";
            revision: number;
            /** @description Present on a screening task only (monitoring gold tasks look like any other task) */
            screening?: {
                /** @description The screening attempt this task belongs to */
                attempt: number;
                /** @description Training mode: the labels are shown against the gold after submitting */
                feedback: boolean;
                /** @description How many tasks the attempt has */
                of: number;
                /** @description Which of the attempt’s tasks this is, from 1 */
                position: number;
            };
            stageEnteredAt: string | null;
            stageId: string;
            stageName: string;
            /** @enum {string} */
            stageType: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            /** @enum {string} */
            status: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
            title: string;
            updatedAt: string | null;
        };
        TaskEvent: {
            actorId: string | null;
            actorName: string | null;
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            id: string;
            kind: string;
            stageId: string | null;
            subjectId: string | null;
            subjectName: string | null;
            toStageId: string | null;
        };
        TaskEventInput: {
            actorId: string | null;
            actorName: string | null;
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            id: string;
            kind: string;
            stageId: string | null;
            subjectId: string | null;
            subjectName: string | null;
            toStageId: string | null;
        };
        TaskInput: {
            assigneeId: string | null;
            assigneeName: string | null;
            createdAt: string;
            datasetId: string;
            datasetName: string;
            dataUnitId: string;
            holders: {
                leaseExpiresAt: string | null;
                name: string | null;
                pinned: boolean;
                /** @enum {string} */
                state: "active" | "submitted";
                userId: string;
            }[];
            id: string;
            /** @enum {string} */
            kind: "image" | "image_group" | "video" | "text";
            leaseExpiresAt: string | null;
            priority: number;
            projectId: string;
            revision: number;
            /** @description Present on a screening task only (monitoring gold tasks look like any other task) */
            screening?: {
                /** @description The screening attempt this task belongs to */
                attempt: number;
                /** @description Training mode: the labels are shown against the gold after submitting */
                feedback: boolean;
                /** @description How many tasks the attempt has */
                of: number;
                /** @description Which of the attempt’s tasks this is, from 1 */
                position: number;
            };
            stageEnteredAt: string | null;
            stageId: string;
            stageName: string;
            /** @enum {string} */
            stageType: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            /** @enum {string} */
            status: "new" | "assigned" | "released" | "skipped" | "reopened" | "completed";
            title: string;
            updatedAt: string | null;
        };
        TaskScore: {
            counts: {
                extra: number;
                gold: number;
                matched: number;
                missed: number;
                questions: number;
                questionsCorrect: number;
                submitted: number;
                wrongAttribute: number;
                wrongClass: number;
            };
            objects: {
                /** @description matched: share of attributes answered alike */
                attributes?: number | null;
                /** @description The gold object’s class (extra: the submitted object’s) */
                featureId: string;
                goldId?: string;
                /** @enum {string} */
                kind: "matched" | "wrong_class" | "missed" | "extra";
                score: number;
                /** @enum {string} */
                shape: "bounding_box" | "rotatable_box" | "polygon" | "polyline" | "point" | "keypoint_skeleton";
                similarity?: number;
                /** @description wrong_class: the class drawn */
                submittedFeatureId?: string;
                submittedId?: string;
                weight: number;
                wrongAttributes?: string[];
            }[];
            questions: {
                correct: boolean;
                featureId: string;
                gold: string | null;
                score: number;
                submitted: string | null;
                weight: number;
            }[];
            score: number;
        };
        TaskScoreInput: {
            counts: {
                extra: number;
                gold: number;
                matched: number;
                missed: number;
                questions: number;
                questionsCorrect: number;
                submitted: number;
                wrongAttribute: number;
                wrongClass: number;
            };
            objects: {
                /** @description matched: share of attributes answered alike */
                attributes?: number | null;
                /** @description The gold object’s class (extra: the submitted object’s) */
                featureId: string;
                goldId?: string;
                /** @enum {string} */
                kind: "matched" | "wrong_class" | "missed" | "extra";
                score: number;
                /** @enum {string} */
                shape: "bounding_box" | "rotatable_box" | "polygon" | "polyline" | "point" | "keypoint_skeleton";
                similarity?: number;
                /** @description wrong_class: the class drawn */
                submittedFeatureId?: string;
                submittedId?: string;
                weight: number;
                wrongAttributes?: string[];
            }[];
            questions: {
                correct: boolean;
                featureId: string;
                gold: string | null;
                score: number;
                submitted: string | null;
                weight: number;
            }[];
            score: number;
        };
        TimeReport: {
            days: {
                activeMs: number;
                day: string;
                userId: string;
            }[];
            people: {
                meanMs: number | null;
                medianMs: number | null;
                name: string | null;
                p90Ms: number | null;
                /** @description Times on a task: one per task, person and stage */
                tasks: number;
                totalMs: number;
                userId: string;
            }[];
            stages: {
                meanMs: number | null;
                medianMs: number | null;
                p90Ms: number | null;
                people: number;
                stageId: string;
                stageName: string;
                /** @description Times on a task: one per task, person and stage */
                tasks: number;
                totalMs: number;
            }[];
        };
        TimeReportInput: {
            days: {
                activeMs: number;
                day: string;
                userId: string;
            }[];
            people: {
                meanMs: number | null;
                medianMs: number | null;
                name: string | null;
                p90Ms: number | null;
                /** @description Times on a task: one per task, person and stage */
                tasks: number;
                totalMs: number;
                userId: string;
            }[];
            stages: {
                meanMs: number | null;
                medianMs: number | null;
                p90Ms: number | null;
                people: number;
                stageId: string;
                stageName: string;
                /** @description Times on a task: one per task, person and stage */
                tasks: number;
                totalMs: number;
            }[];
        };
        User: {
            createdAt: string;
            deactivatedAt: string | null;
            email: string;
            id: string;
            lastLoginAt: string | null;
            name: string;
            revision: number;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
            /** @enum {string} */
            status: "active" | "deactivated";
            updatedAt: string;
        };
        UserInput: {
            createdAt: string;
            deactivatedAt: string | null;
            email: string;
            id: string;
            lastLoginAt: string | null;
            name: string;
            revision: number;
            /** @enum {string} */
            role: "admin" | "workforce_manager" | "member" | "tasker";
            /** @enum {string} */
            status: "active" | "deactivated";
            updatedAt: string;
        };
        /** @description A workflow: the stages tasks move through and the edges between them (see docs/workflows.md) */
        Workflow: {
            edges: ({
                from: string;
                /** @enum {string} */
                kind: "done" | "approved" | "rejected";
                to: string;
            } | {
                branch: {
                    /** @constant */
                    kind: "percentage";
                    percent: number;
                } | {
                    groupIds: string[];
                    /** @constant */
                    kind: "collaborator";
                    userIds: string[];
                } | {
                    /** @constant */
                    kind: "otherwise";
                };
                from: string;
                /** @constant */
                kind: "branch";
                to: string;
            })[];
            /** @constant */
            formatVersion: 1;
            stages: {
                id: string;
                name: string;
                position?: {
                    x: number;
                    y: number;
                };
                settings: {
                    allowReassessment?: boolean;
                    allowReviewerEdits?: boolean;
                    annotatorCount?: number;
                    autoAcceptThreshold?: number;
                    /** @enum {string} */
                    consensusGeometry?: "best" | "mean";
                    deadlineHours?: number;
                    hideUnassignedTasks?: boolean;
                    leaseMinutes?: number;
                    minimumToProceed?: number;
                    reviewOwnWork?: boolean;
                    sampleRate?: number;
                    workers?: {
                        /** @constant */
                        mode: "all";
                    } | {
                        groupIds: string[];
                        /** @constant */
                        mode: "selected";
                        userIds: string[];
                    };
                };
                start?: boolean;
                /** @enum {string} */
                type: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            }[];
        };
        /** @description A workflow: the stages tasks move through and the edges between them (see docs/workflows.md) */
        WorkflowInput: {
            edges: ({
                from: string;
                /** @enum {string} */
                kind: "done" | "approved" | "rejected";
                to: string;
            } | {
                branch: {
                    /** @constant */
                    kind: "percentage";
                    percent: number;
                } | {
                    groupIds: string[];
                    /** @constant */
                    kind: "collaborator";
                    userIds: string[];
                } | {
                    /** @constant */
                    kind: "otherwise";
                };
                from: string;
                /** @constant */
                kind: "branch";
                to: string;
            })[];
            /** @constant */
            formatVersion: 1;
            stages: {
                id: string;
                name: string;
                position?: {
                    x: number;
                    y: number;
                };
                settings: {
                    allowReassessment?: boolean;
                    allowReviewerEdits?: boolean;
                    annotatorCount?: number;
                    autoAcceptThreshold?: number;
                    /** @enum {string} */
                    consensusGeometry?: "best" | "mean";
                    deadlineHours?: number;
                    hideUnassignedTasks?: boolean;
                    leaseMinutes?: number;
                    minimumToProceed?: number;
                    reviewOwnWork?: boolean;
                    sampleRate?: number;
                    workers?: {
                        /** @constant */
                        mode: "all";
                    } | {
                        groupIds: string[];
                        /** @constant */
                        mode: "selected";
                        userIds: string[];
                    };
                };
                start?: boolean;
                /** @enum {string} */
                type: "annotate" | "review" | "consensus" | "consensus_review" | "router" | "complete" | "archive";
            }[];
        };
        WorkflowTemplate: {
            /** @description Built-in templates ship with Gloss and cannot be changed */
            builtIn: boolean;
            createdAt: string | null;
            /** @description Who saved it; null for built-ins */
            createdBy: string | null;
            definition: components["schemas"]["Workflow"];
            description: string;
            /** @description A UUID, or `builtin:<key>` for a built-in template */
            id: string;
            name: string;
            /** @description null for built-ins */
            revision: number | null;
            updatedAt: string | null;
        };
        WorkflowTemplateInput: {
            /** @description Built-in templates ship with Gloss and cannot be changed */
            builtIn: boolean;
            createdAt: string | null;
            /** @description Who saved it; null for built-ins */
            createdBy: string | null;
            definition: components["schemas"]["WorkflowInput"];
            description: string;
            /** @description A UUID, or `builtin:<key>` for a built-in template */
            id: string;
            name: string;
            /** @description null for built-ins */
            revision: number | null;
            updatedAt: string | null;
        };
        Workspace: {
            createdAt: string;
            name: string;
            revision: number;
        };
        WorkspaceAnalytics: {
            days: {
                activeMs: number;
                activePeople: number;
                day: string;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            }[];
            people: {
                activeMs: number;
                /** @description Mean active time on the days they worked */
                activeMsPerDay: number | null;
                daysActive: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string | null;
                projects: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                userId: string;
                work_approved: number;
                work_rejected: number;
            }[];
            projects: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string;
                openIssues: number | null;
                people: number;
                projectId: string;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                /** @description Tasks not completed, at the last queue count */
                remaining: number | null;
                status: string;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            }[];
            scope: {
                /** @enum {string} */
                kind: "all" | "groups";
                /** @description People the report covers (active accounts, or the groups’ members) */
                people: number;
            };
            totals: {
                activeMs: number;
                activePeople: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            };
            weeks: {
                activeMs: number;
                activePeople: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                week: string;
                work_approved: number;
                work_rejected: number;
            }[];
        };
        WorkspaceAnalyticsInput: {
            days: {
                activeMs: number;
                activePeople: number;
                day: string;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            }[];
            people: {
                activeMs: number;
                /** @description Mean active time on the days they worked */
                activeMsPerDay: number | null;
                daysActive: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string | null;
                projects: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                userId: string;
                work_approved: number;
                work_rejected: number;
            }[];
            projects: {
                activeMs: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                name: string;
                openIssues: number | null;
                people: number;
                projectId: string;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                /** @description Tasks not completed, at the last queue count */
                remaining: number | null;
                status: string;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            }[];
            scope: {
                /** @enum {string} */
                kind: "all" | "groups";
                /** @description People the report covers (active accounts, or the groups’ members) */
                people: number;
            };
            totals: {
                activeMs: number;
                activePeople: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                work_approved: number;
                work_rejected: number;
            };
            weeks: {
                activeMs: number;
                activePeople: number;
                first_review_failed: number;
                first_review_passed: number;
                /** @description Reviewed tasks approved at their first review decision */
                firstPassYield: number | null;
                issues_opened: number;
                issues_resolved: number;
                labels_approved: number;
                labels_created: number;
                labels_deleted: number;
                labels_edited: number;
                labels_rejected: number;
                /** @description Review decisions on the work that were rejections */
                rejectionRate: number | null;
                tasks_approved: number;
                tasks_completed: number;
                tasks_rejected: number;
                tasks_reopened: number;
                tasks_skipped: number;
                tasks_submitted: number;
                week: string;
                work_approved: number;
                work_rejected: number;
            }[];
        };
        WorkspaceInput: {
            createdAt: string;
            name: string;
            revision: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
