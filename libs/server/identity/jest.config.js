const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-identity', __dirname);
