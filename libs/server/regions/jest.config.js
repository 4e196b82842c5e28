const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-regions', __dirname);
